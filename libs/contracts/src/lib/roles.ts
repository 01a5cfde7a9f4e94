/**
 * Roles and what each may do: the one place that maps roles to permissions (docs/domain.md, "Roles").
 * The api guards routes by permission; the web shows navigation by the same map.
 */
export const ROLES = ['admin', 'hr', 'manager', 'employee'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Own profile, own session. Every signed-in role. */
  'self.read': ['admin', 'hr', 'manager', 'employee'],
  'self.write': ['admin', 'hr', 'manager', 'employee'],
  'organisation.read': ['admin', 'hr'],
  'organisation.write': ['admin'],
  /** The first steps of a new organisation (values, people, a cycle, a survey). */
  'setup.checklist': ['admin', 'hr'],
  /** Managers read people and teams, scoped to the teams they manage and their sub-teams. */
  'people.read': ['admin', 'hr', 'manager'],
  'people.write': ['admin', 'hr'],
  /** Changing someone's role to or from admin stays with admins. */
  'people.assignAdmin': ['admin'],
  'teams.read': ['admin', 'hr', 'manager'],
  'teams.write': ['admin', 'hr'],
  'import.run': ['admin', 'hr'],
  'outbox.read': ['admin'],
  /** The organisation's own background jobs (schedules, sends, closes). Bull Board itself is the operator's. */
  'jobs.read': ['admin'],
  /** Everyone reads the published values; HR and admins edit drafts and publish. */
  'values.read': ['admin', 'hr', 'manager', 'employee'],
  'values.write': ['admin', 'hr'],
  /** Self-assessment cycles and their rounds (participation, never answers). */
  'cycles.read': ['admin', 'hr'],
  'cycles.write': ['admin', 'hr'],
  /** Appraisal cycles, every appraisal of the organisation (reassign, release, reopen). */
  'appraisals.manage': ['admin', 'hr'],
  /** Reviewing the appraisals where one is the reviewer (own appraisals go by self.*). */
  'appraisals.review': ['admin', 'hr', 'manager'],
  /** Customer segments, journeys and touchpoints: managers read them for their dashboards. */
  'customers.read': ['admin', 'hr', 'manager'],
  'customers.write': ['admin', 'hr'],
  /** Customer recognition surveys, their waves, contacts, funnel and comments. */
  'surveys.read': ['admin', 'hr'],
  'surveys.write': ['admin', 'hr'],
  /** Outside-in dashboards; every role, the api scopes them (HR/admin all, managers their teams, employees the organisation and their own team). */
  'insights.read': ['admin', 'hr', 'manager', 'employee'],
  /** The team view's comparison with sibling teams, its periods and its customers' comments (employees see the organisation and their team's KPIs only). */
  'insights.teams': ['admin', 'hr', 'manager'],
  /** Customer journeys' heart monitors: managers and HR (journeys are not per team). */
  'insights.journeys': ['admin', 'hr', 'manager'],
  /** The board report (PDF) of the whole organisation. */
  'insights.report': ['admin', 'hr'],
  /** Action plans: everyone reads (the api scopes: HR all, managers their teams, employees their team, owners their own) and updates what it may. */
  'actions.read': ['admin', 'hr', 'manager', 'employee'],
  /** Making a focus with actions: HR all cells, managers only cells of their teams. */
  'actions.write': ['admin', 'hr', 'manager'],
  /** Organisation API keys for the CRM trigger. */
  'apiKeys.manage': ['admin'],
  /** SCIM provisioning tokens for the identity provider (creates and updates employees and teams). */
  'scim.manage': ['admin'],
  /** Single sign-on (OpenID Connect) settings of the organisation. */
  'sso.manage': ['admin'],
  /** Outgoing webhooks: endpoints, signing secrets, delivery log. */
  'webhooks.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Rights, lowest to highest. Nobody may change the e-mail, status or credentials of someone who
 * outranks them (an HR user could otherwise take over an admin's account by its e-mail).
 */
export const ROLE_RANK: Record<Role, number> = { employee: 0, manager: 1, hr: 2, admin: 3 };

export function outranks(role: Role, other: Role): boolean {
  return ROLE_RANK[role] > ROLE_RANK[other];
}

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
