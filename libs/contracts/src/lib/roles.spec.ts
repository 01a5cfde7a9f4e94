import { isRole, PERMISSIONS, roleHas, ROLES } from './roles';

describe('role to permission map', () => {
  it('lets an admin do everything in its organisation', () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[])
      expect(roleHas('admin', permission)).toBe(true);
  });

  it('keeps the outbox and the organisation settings from HR, and admin assignment from HR', () => {
    expect(roleHas('hr', 'outbox.read')).toBe(false);
    expect(roleHas('hr', 'organisation.write')).toBe(false);
    expect(roleHas('hr', 'organisation.read')).toBe(true);
    expect(roleHas('hr', 'people.assignAdmin')).toBe(false);
  });

  it('lets a manager read but never write people and teams', () => {
    expect(roleHas('manager', 'people.read')).toBe(true);
    expect(roleHas('manager', 'teams.read')).toBe(true);
    expect(roleHas('manager', 'people.write')).toBe(false);
    expect(roleHas('manager', 'import.run')).toBe(false);
  });

  it('gives an employee only its own profile', () => {
    const allowed = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) =>
      roleHas('employee', p),
    );
    expect(allowed.every((p) => p.startsWith('self.') || p.endsWith('.read'))).toBe(true);
    expect(allowed).toContain('self.read');
    expect(allowed).not.toContain('people.read');
  });

  it('only names known roles', () => {
    for (const roles of Object.values(PERMISSIONS)) for (const role of roles) expect(isRole(role)).toBe(true);
    expect(ROLES).toEqual(['admin', 'hr', 'manager', 'employee']);
    expect(isRole('owner')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
