import { roleHas, ROLES } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { NAVIGATION } from './navigation';

const menuFor = (role: (typeof ROLES)[number]) =>
  NAVIGATION.filter((e) => roleHas(role, e.permission)).map((e) => e.to);

describe('navigation by role', () => {
  it('gives HR people, teams, import and organisation but not the outbox', () => {
    expect(menuFor('hr')).toEqual([
      '/',
      '/values',
      '/cycles',
      '/my-assessments',
      '/people',
      '/teams',
      '/import',
      '/organisation',
    ]);
  });
  it('gives an employee the home page, the values house and its own assessments', () => {
    expect(menuFor('employee')).toEqual(['/', '/values', '/my-assessments']);
  });
  it('gives a manager people and teams (scoped by the api) but no import', () => {
    expect(menuFor('manager')).toEqual(['/', '/values', '/my-assessments', '/people', '/teams']);
  });
  it('gives an admin everything', () => {
    expect(menuFor('admin')).toHaveLength(NAVIGATION.length);
  });
});
