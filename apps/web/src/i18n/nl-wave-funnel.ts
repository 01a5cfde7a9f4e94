/** Dutch texts of a wave's funnel that adds up (issue 17, item 9); part of `nl.ts`. */
export const waveFunnelNl = {
  invited: 'Uitgenodigd',
  reached: 'Verstuurd of vastgehouden',
  sent: 'Verstuurd',
  held: 'Vastgehouden',
  heldHeader: 'Vastgehouden (outbox)',
  opened: 'Geopend',
  answered: 'Beantwoord',
  reachedSplit: 'Verstuurd {{sent}} · vastgehouden {{held}}',
  chartLabel:
    'Trechter van de golf van {{date}}: {{invited}} uitgenodigd, {{sent}} verstuurd, {{held}} vastgehouden, {{opened}} geopend, {{answered}} beantwoord.',
  explain:
    'Elke stap telt alleen uitnodigingen uit de stap ervoor: geopend en beantwoord tellen alleen links die verstuurd of vastgehouden zijn, een beantwoorde link telt ook als geopend.',
  heldNote_one:
    'Geen mailserver ingesteld: {{count}} uitnodiging staat vastgehouden in de outbox en is niet verstuurd.',
  heldNote_other:
    'Geen mailserver ingesteld: {{count}} uitnodigingen staan vastgehouden in de outbox en zijn niet verstuurd.',
  waitingNote_one: '{{count}} uitnodiging wacht nog op de mailserver.',
  waitingNote_other: '{{count}} uitnodigingen wachten nog op de mailserver.',
  notSentNote_one: '{{count}} uitnodiging is niet verstuurd (mislukt of gestopt).',
  notSentNote_other: '{{count}} uitnodigingen zijn niet verstuurd (mislukt of gestopt).',
  outsideNote_one: 'Buiten de trechter: {{count}} antwoord via een link waarvan de mail niet verstuurd is.',
  outsideNote_other: 'Buiten de trechter: {{count}} antwoorden via links waarvan de mail niet verstuurd is.',
  openLink_one:
    'Via de open link of QR-code: {{count}} antwoord. Die horen bij geen golf en staan niet in de trechter.',
  openLink_other:
    'Via de open link of QR-code: {{count}} antwoorden. Die horen bij geen golf en staan niet in de trechter.',
};
