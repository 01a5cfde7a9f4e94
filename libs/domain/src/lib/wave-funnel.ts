/**
 * The funnel of a customer survey wave (docs/decisions.md, "wave funnel"): invited → sent or held →
 * opened → answered. Each stage counts invitations and is a subset of the stage before it, so the
 * funnel can only narrow.
 */

/**
 * Where an invitation's mail stands, the best of its invitation and reminder mail:
 * - `sent`: handed to the mail server;
 * - `held`: kept in the outbox because no mail server is configured;
 * - `waiting`: queued for the mail server, not yet delivered;
 * - `notSent`: delivery failed, was stopped (contact data deleted) or there is no mail.
 */
export const MAIL_STATES = ['sent', 'held', 'waiting', 'notSent'] as const;
export type MailState = (typeof MAIL_STATES)[number];

/** An outbox status ('pending' | 'held' | 'sent' | 'failed') as a mail state. */
export function mailStateOfStatus(status: string | null | undefined): MailState {
  if (status === 'sent') return 'sent';
  if (status === 'held') return 'held';
  if (status === 'pending') return 'waiting';
  return 'notSent';
}

/** The best state of several mails of one invitation (its invitation and its reminder). */
export function bestMailState(states: MailState[]): MailState {
  return MAIL_STATES.find((s) => states.includes(s)) ?? 'notSent';
}

/** What a wave's invitations did, counted per combination (`count` invitations alike). */
export interface InvitationFacts {
  mail: MailState;
  opened: boolean;
  answered: boolean;
  count?: number;
}

export interface WaveFunnelCounts {
  /** Stage 1: every invitation of the wave. */
  invited: number;
  /** Stage 2 (`sent + held`): the mail went out, or is kept in the outbox without a mail server. */
  sent: number;
  held: number;
  /** Not in stage 2: still queued for the mail server, or not sent at all. */
  waiting: number;
  notSent: number;
  /** Stage 3: of stage 2, the links that were opened (answering a link counts as opening it). */
  opened: number;
  /** Stage 4: of stage 3, the links that were answered. */
  answered: number;
  /**
   * Answered invitations outside the funnel: their mail was neither sent nor held (their link
   * reached the customer otherwise). Shown beside the funnel, never in it.
   */
  answeredOutside: number;
}

/** The funnel of a wave from its invitations; every stage is a subset of the one before. */
export function waveFunnel(invitations: InvitationFacts[]): WaveFunnelCounts {
  const funnel: WaveFunnelCounts = {
    invited: 0,
    sent: 0,
    held: 0,
    waiting: 0,
    notSent: 0,
    opened: 0,
    answered: 0,
    answeredOutside: 0,
  };
  for (const i of invitations) {
    const count = i.count ?? 1;
    funnel.invited += count;
    funnel[i.mail] += count;
    const reached = i.mail === 'sent' || i.mail === 'held';
    if (!reached) {
      if (i.answered) funnel.answeredOutside += count;
      continue;
    }
    if (i.opened || i.answered) funnel.opened += count;
    if (i.answered) funnel.answered += count;
  }
  return funnel;
}

/** The stages in order with their counts: never wider than the stage before. */
export function funnelStages(
  f: WaveFunnelCounts,
): { stage: 'invited' | 'reached' | 'opened' | 'answered'; value: number }[] {
  return [
    { stage: 'invited', value: f.invited },
    { stage: 'reached', value: f.sent + f.held },
    { stage: 'opened', value: f.opened },
    { stage: 'answered', value: f.answered },
  ];
}
