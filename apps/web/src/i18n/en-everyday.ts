/** English texts of the everyday gaps (closing a round early, the outbox's round or wave); part of `en.ts`. */
export const everydayEn = {
  roundClose: {
    closeNow: 'Close now',
    title: 'Close the round now',
    confirm:
      'Close this round now, before its planned close on {{date}}? Links from this round stop working and no more reminders go out. Not done yet: {{count}}.',
    closed: 'The round is closed.',
  },
  contactColumns: { journey: 'Journey', touchpoint: 'Touchpoint' },
  outboxContext: {
    belongsTo: 'Belongs to',
    round: 'Round of {{cycle}}, {{date}}',
    wave: 'Survey {{survey}}, wave of {{date}}',
    onlyThis: 'Show only messages of this round',
    filteredRound: 'Only messages of the round of {{cycle}}, {{date}}.',
    filteredWave: 'Only messages of survey {{survey}}, wave of {{date}}.',
    filtered: 'Only messages of one round.',
    clearFilter: 'Show all messages',
  },
};
