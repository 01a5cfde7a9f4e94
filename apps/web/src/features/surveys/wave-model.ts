import type { Wave } from '@wk/contracts';

/**
 * The count columns of a wave, in funnel order: invited, sent, held (kept in the outbox without a
 * mail server), opened, answered. Each later count is a subset of sent + held (libs/domain wave-funnel.ts).
 */
export const FUNNEL_STAGES = ['invited', 'sent', 'held', 'opened', 'answered'] as const;
export type FunnelCount = (typeof FUNNEL_STAGES)[number];

/** The funnel's four steps; the second is sent + held. */
export const FUNNEL_STEPS = ['invited', 'reached', 'opened', 'answered'] as const;
export type FunnelStage = (typeof FUNNEL_STEPS)[number];

export interface FunnelStep {
  stage: FunnelStage;
  value: number;
  /** Share of the invited, 0-1; null without invitations. */
  share: number | null;
}

/** One step per funnel stage for a wave, each with its share of the invited; never wider than the step before. */
export function funnelSteps(wave: Pick<Wave, FunnelCount>): FunnelStep[] {
  const values: Record<FunnelStage, number> = {
    invited: wave.invited,
    reached: wave.sent + wave.held,
    opened: wave.opened,
    answered: wave.answered,
  };
  return FUNNEL_STEPS.map((stage) => ({
    stage,
    value: values[stage],
    share: wave.invited > 0 ? values[stage] / wave.invited : null,
  }));
}

/** What to say beside the funnel: held mails, mails not (yet) sent, answers outside it. */
export function funnelNotes(
  wave: Pick<Wave, 'held' | 'waiting' | 'notSent' | 'answeredOutside'>,
): { key: 'heldNote' | 'waitingNote' | 'notSentNote' | 'outsideNote'; count: number }[] {
  return [
    { key: 'heldNote' as const, count: wave.held },
    { key: 'waitingNote' as const, count: wave.waiting },
    { key: 'notSentNote' as const, count: wave.notSent },
    { key: 'outsideNote' as const, count: wave.answeredOutside },
  ].filter((n) => n.count > 0);
}

/** The api's response rate, or answered / invited when it left it out; null without invitations. */
export function responseRateOf(wave: Pick<Wave, 'responseRate' | 'invited' | 'answered'>): number | null {
  if (wave.responseRate !== null && wave.responseRate !== undefined) return wave.responseRate;
  return wave.invited > 0 ? wave.answered / wave.invited : null;
}

/** What one may still do with a wave: one reminder while open, and closing while open. */
export function waveActions(wave: Pick<Wave, 'closedAt' | 'reminderSentAt'>) {
  const open = !wave.closedAt;
  return { canRemind: open && !wave.reminderSentAt, canClose: open };
}

export type CommentGroup = { kind: 'open' } | { kind: 'wave'; opensAt: string } | { kind: 'unknown' };

/** A comment group ("open" or a wave id) as something to name: the open link, or the wave's start. */
export function commentGroup(group: string, waves: Pick<Wave, 'id' | 'opensAt'>[]): CommentGroup {
  if (group === 'open') return { kind: 'open' };
  const wave = waves.find((w) => w.id === group);
  return wave ? { kind: 'wave', opensAt: wave.opensAt } : { kind: 'unknown' };
}
