/** Dutch texts of the everyday gaps (closing a round early, the outbox's round or wave); part of `nl.ts`. */
export const everydayNl = {
  roundClose: {
    closeNow: 'Nu sluiten',
    title: 'Ronde nu sluiten',
    confirm:
      'Deze ronde nu sluiten, vóór de geplande sluiting op {{date}}? Links uit deze ronde werken daarna niet meer en er gaan geen herinneringen meer uit. Nog niet klaar: {{count}}.',
    closed: 'De ronde is gesloten.',
  },
  contactColumns: { journey: 'Klantreis', touchpoint: 'Contactmoment' },
  outboxContext: {
    belongsTo: 'Hoort bij',
    round: 'Ronde {{cycle}} van {{date}}',
    wave: 'Meting {{survey}}, golf van {{date}}',
    onlyThis: 'Alleen berichten van deze ronde tonen',
    filteredRound: 'Alleen berichten van de ronde {{cycle}} van {{date}}.',
    filteredWave: 'Alleen berichten van de meting {{survey}}, golf van {{date}}.',
    filtered: 'Alleen berichten van één ronde.',
    clearFilter: 'Alle berichten tonen',
  },
};
