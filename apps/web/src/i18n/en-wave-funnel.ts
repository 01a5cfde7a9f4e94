import type { waveFunnelNl } from './nl-wave-funnel';

/** English texts of a wave's funnel that adds up (issue 17, item 9); part of `en.ts`. */
export const waveFunnelEn: Record<keyof typeof waveFunnelNl, string> = {
  invited: 'Invited',
  reached: 'Sent or held',
  sent: 'Sent',
  held: 'Held',
  heldHeader: 'Held (outbox)',
  opened: 'Opened',
  answered: 'Answered',
  reachedSplit: 'Sent {{sent}} · held {{held}}',
  chartLabel:
    'Funnel of the wave of {{date}}: {{invited}} invited, {{sent}} sent, {{held}} held, {{opened}} opened, {{answered}} answered.',
  explain:
    'Each step counts only invitations of the step before: opened and answered count only links that were sent or held, and an answered link counts as opened.',
  heldNote_one: 'No mail server configured: {{count}} invitation is held in the outbox and was not sent.',
  heldNote_other:
    'No mail server configured: {{count}} invitations are held in the outbox and were not sent.',
  waitingNote_one: '{{count}} invitation is still waiting for the mail server.',
  waitingNote_other: '{{count}} invitations are still waiting for the mail server.',
  notSentNote_one: '{{count}} invitation was not sent (failed or stopped).',
  notSentNote_other: '{{count}} invitations were not sent (failed or stopped).',
  outsideNote_one: 'Outside the funnel: {{count}} answer through a link whose mail was not sent.',
  outsideNote_other: 'Outside the funnel: {{count}} answers through links whose mail was not sent.',
  openLink_one:
    'Through the open link or QR code: {{count}} answer. It belongs to no wave and is not in the funnel.',
  openLink_other:
    'Through the open link or QR code: {{count}} answers. They belong to no wave and are not in the funnel.',
};
