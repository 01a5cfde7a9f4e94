import { roleHas, ROLES } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { NAVIGATION } from './navigation';

const menuFor = (role: (typeof ROLES)[number]) =>
  NAVIGATION.filter((e) => roleHas(role, e.permission)).map((e) => e.to);

describe('navigation by role', () => {
  it('gives HR customers, surveys, people, teams, import and organisation but not API keys or the outbox', () => {
    expect(menuFor('hr')).toEqual([
      '/',
      '/insights',
      '/actions',
      '/values',
      '/cycles',
      '/customers',
      '/surveys',
      '/my-assessments',
      '/appraisals',
      '/appraisal-cycles',
      '/people',
      '/teams',
      '/import',
      '/organisation',
    ]);
  });
  it('gives an employee the home page, the dashboard (scoped by the api), the values house and its own assessments', () => {
    expect(menuFor('employee')).toEqual([
      '/',
      '/insights',
      '/actions',
      '/values',
      '/my-assessments',
      '/appraisals',
    ]);
  });
  it('gives a manager the customer context, people and teams (scoped by the api) but no import or surveys', () => {
    expect(menuFor('manager')).toEqual([
      '/',
      '/insights',
      '/actions',
      '/values',
      '/customers',
      '/my-assessments',
      '/appraisals',
      '/people',
      '/teams',
    ]);
  });
  it('puts the dashboard right after the home page for every role, opening on the team for managers', () => {
    const dashboard = NAVIGATION[1];
    expect(dashboard).toMatchObject({
      to: '/insights',
      labelKey: 'nav.insights',
      permission: 'insights.read',
    });
    expect(dashboard.managerTo).toBe('/insights/my-team');
  });
  it('gives an admin everything, API keys included', () => {
    expect(menuFor('admin')).toHaveLength(NAVIGATION.length);
    expect(menuFor('admin')).toContain('/api-keys');
  });
});
