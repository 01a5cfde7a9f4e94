/** Dutch texts of SCIM provisioning (organisation settings); part of `nl.ts`. */
export const scimNl = {
  title: 'Gebruikers en teams laten bijhouden (SCIM)',
  intro:
    'Laat je identity provider (zoals Microsoft Entra ID of Okta) medewerkers en teams automatisch aanmaken, bijwerken en deactiveren. Plak de basis-URL en een token in de provisioning-instellingen van je identity provider.',
  baseUrl: 'Basis-URL (Tenant URL / SCIM connector base URL)',
  rules:
    'Nieuwe mensen komen binnen als medewerker met de status Uitgenodigd, zonder e-mail; rollen stel je hier in. Een groep wordt een team. Het e-mailadres en de status van beheerders verandert de identity provider nooit.',
  name: 'Naam van het token',
  nameHint: 'Bijvoorbeeld "Entra ID", zodat je het later herkent.',
  create: 'Token maken',
  createdTitle: 'Token "{{name}}" is gemaakt',
  showOnce:
    'Kopieer het token nu: je ziet het maar één keer. Wij bewaren alleen een onherkenbare vingerafdruk.',
  token: 'Token',
  copy: 'Kopiëren',
  list: 'Tokens',
  empty: 'Er is nog geen token. Maak er een om provisioning aan te zetten.',
  prefix: 'Begint met',
  createdAt: 'Gemaakt',
  revokeLabel: 'Token {{name}} intrekken',
  revokeTitle: 'Token intrekken',
  confirmRevoke:
    'Token "{{name}}" intrekken? De identity provider kan er dan direct niets meer mee; dit is niet terug te draaien.',
  revokedNote: 'Token "{{name}}" is ingetrokken.',
};
