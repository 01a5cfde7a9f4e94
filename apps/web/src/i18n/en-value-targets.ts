import type { Messages } from './nl';

export const valueTargetsEn: Messages['valueTargets'] = {
  title: 'Change the target',
  intro:
    'A new target holds from now on, without a new version of the values. Past periods keep the target that held then.',
  label: 'Target (grade 1-10)',
  save: 'Save target',
  saved: 'The target is now {{grade}}.',
  failed: 'Saving did not work. Please try again.',
  history: 'Earlier targets',
  noHistory: 'No earlier targets yet.',
  fromVersion: '{{grade}} from {{date}} (published with the version)',
  fromChange: '{{grade}} from {{date}}',
  fromChangeBy: '{{grade}} from {{date}}, by {{name}}',
};
