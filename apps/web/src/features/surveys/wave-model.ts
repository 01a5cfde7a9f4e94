import type { Wave } from '@wk/contracts';

/** The funnel of a wave, in order: invited → sent → opened → answered. */
export const FUNNEL_STAGES = ['invited', 'sent', 'opened', 'answered'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelStep {
  stage: FunnelStage;
  value: number;
  /** Share of the invited, 0-1; null without invitations. */
  share: number | null;
}

/** One step per funnel stage for a wave, each with its share of the invited. */
export function funnelSteps(wave: Pick<Wave, FunnelStage>): FunnelStep[] {
  return FUNNEL_STAGES.map((stage) => ({
    stage,
    value: wave[stage],
    share: wave.invited > 0 ? wave[stage] / wave.invited : null,
  }));
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
