import type { Permission } from '@wk/contracts';

/** The menu; an entry shows when the role has its permission (the same map the api enforces). */
export interface NavEntry {
  to: string;
  labelKey: string;
  permission: Permission;
  /** Where the entry leads a manager of at least one team (the dashboard opens on the manager's team). */
  managerTo?: string;
}

export const NAVIGATION: NavEntry[] = [
  { to: '/', labelKey: 'nav.home', permission: 'self.read' },
  { to: '/insights', labelKey: 'nav.insights', permission: 'insights.read', managerTo: '/insights/my-team' },
  { to: '/actions', labelKey: 'nav.actions', permission: 'actions.read' },
  { to: '/values', labelKey: 'nav.values', permission: 'values.read' },
  { to: '/cycles', labelKey: 'nav.cycles', permission: 'cycles.read' },
  { to: '/customers', labelKey: 'nav.customers', permission: 'customers.read' },
  { to: '/surveys', labelKey: 'nav.surveys', permission: 'surveys.read' },
  { to: '/my-assessments', labelKey: 'nav.myAssessments', permission: 'self.read' },
  { to: '/appraisals', labelKey: 'appraisals.nav', permission: 'self.read' },
  { to: '/appraisal-cycles', labelKey: 'appraisals.navCycles', permission: 'appraisals.manage' },
  { to: '/people', labelKey: 'nav.people', permission: 'people.read' },
  { to: '/teams', labelKey: 'nav.teams', permission: 'teams.read' },
  { to: '/import', labelKey: 'nav.import', permission: 'import.run' },
  { to: '/organisation', labelKey: 'nav.organisation', permission: 'organisation.read' },
  { to: '/api-keys', labelKey: 'nav.apiKeys', permission: 'apiKeys.manage' },
  { to: '/webhooks', labelKey: 'nav.webhooks', permission: 'webhooks.manage' },
  { to: '/outbox', labelKey: 'nav.outbox', permission: 'outbox.read' },
  { to: '/jobs', labelKey: 'nav.jobs', permission: 'jobs.read' },
];
