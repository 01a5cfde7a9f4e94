import { isEmail } from 'class-validator';
import { EntityManager } from 'typeorm';
import { isRole, outranks } from '@wk/contracts';
import type { ImportRowResult, Role } from '@wk/contracts';
import type { PeopleRepository } from '../people.repository';
import type { TeamsRepository } from '../teams.repository';
import { UserEntity } from '../user.entity';
import { CsvTable, requireColumns } from '../../common/csv-reader';
import { atLine } from './import-errors';

export const EMPLOYEE_COLUMNS: Record<string, string> = {
  email: 'email',
  e_mail: 'email',
  emailadres: 'email',
  e_mailadres: 'email',
  name: 'name',
  naam: 'name',
  full_name: 'name',
  volledige_naam: 'name',
  employee_number: 'employee_number',
  employee_no: 'employee_number',
  personeelsnummer: 'employee_number',
  personeelsnr: 'employee_number',
  team: 'team',
  afdeling_team: 'team',
  role: 'role',
  rol: 'role',
};

/** Dutch role words HR will type, mapped onto the product's roles. */
const ROLE_WORDS: Record<string, Role> = {
  medewerker: 'employee',
  employee: 'employee',
  leidinggevende: 'manager',
  manager: 'manager',
  hr: 'hr',
  beheerder: 'admin',
  admin: 'admin',
};

export interface PlannedEmployee {
  result: ImportRowResult;
  existingId?: string;
  values?: Pick<UserEntity, 'email' | 'name' | 'employeeNumber' | 'teamId' | 'role'>;
  /**
   * A new address for an account that signs in: it is not written, the new address is asked to
   * confirm it (as on the person's page), so an import cannot take over an account either.
   */
  confirmEmail?: string;
  /** An invited person's address changed: links sent to the old address must stop working. */
  addressChanged?: boolean;
}

/**
 * Works out, per row, what an employee import would do: create, update (matched on employee
 * number, else on e-mail), leave unchanged, or refuse with the reasons. Reads; writes nothing.
 */
export async function planEmployees(
  repos: { people: PeopleRepository; teams: TeamsRepository },
  manager: EntityManager,
  organisationId: string,
  table: CsvTable,
  callerIsAdmin: boolean,
): Promise<PlannedEmployee[]> {
  requireColumns(table, ['email', 'name']);
  const [users, teams] = await Promise.all([
    repos.people.all(manager, organisationId),
    repos.teams.all(manager, organisationId),
  ]);
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]));
  const byNumber = new Map(users.filter((u) => u.employeeNumber).map((u) => [u.employeeNumber as string, u]));
  const teamByName = new Map(teams.map((t) => [t.name.toLowerCase(), t]));
  const seenEmail = new Map<string, number>();
  const seenNumber = new Map<string, number>();

  return table.rows.map(({ line, cells, cellCount, problems }) => {
    const errors: ImportRowResult['errors'] = [...problems];
    const email = cells.email ?? '';
    const number = cells.employee_number || null;
    const key = number ?? email;
    if (cellCount < table.columns.length)
      errors.push({ column: '*', message: `row has ${cellCount} of ${table.columns.length} columns` });
    if (!email) errors.push({ column: 'email', message: 'missing' });
    else if (!isEmail(email) || email.length > 320)
      errors.push({ column: 'email', message: `"${email}" is not a valid e-mail address` });
    if (!cells.name) errors.push({ column: 'name', message: 'missing' });
    else if (cells.name.length > 120) errors.push({ column: 'name', message: 'longer than 120 characters' });
    if (number && number.length > 40)
      errors.push({ column: 'employee_number', message: 'longer than 40 characters' });

    const duplicateOf = seenEmail.get(email.toLowerCase()) ?? (number ? seenNumber.get(number) : undefined);
    if (email && duplicateOf)
      errors.push({
        column: seenEmail.has(email.toLowerCase()) ? 'email' : 'employee_number',
        message: `duplicate of line ${duplicateOf}`,
      });
    if (email) seenEmail.set(email.toLowerCase(), line);
    if (number) seenNumber.set(number, line);

    let teamId: string | null = null;
    if (cells.team) {
      const team = teamByName.get(cells.team.toLowerCase());
      if (team) teamId = team.id;
      else errors.push({ column: 'team', message: `unknown team "${cells.team}"` });
    }

    const roleWord = cells.role?.toLowerCase();
    const role = roleWord ? ROLE_WORDS[roleWord] : undefined;
    if (roleWord && !role)
      errors.push({
        column: 'role',
        message: `unknown role "${cells.role}" (medewerker, leidinggevende, hr, beheerder)`,
      });

    const matchNumber = number ? byNumber.get(number) : undefined;
    const matchEmail = byEmail.get(email.toLowerCase());
    if (matchNumber && matchEmail && matchNumber.id !== matchEmail.id) {
      errors.push({ column: 'email', message: `belongs to another person than employee number ${number}` });
    }
    const existing = matchNumber ?? matchEmail;
    const nextRole: Role = role ?? existing?.role ?? 'employee';
    const emailChanges = !!existing && existing.email.toLowerCase() !== email.toLowerCase();
    const callerRole: Role = callerIsAdmin ? 'admin' : 'hr';
    if (emailChanges && outranks(existing.role, callerRole))
      errors.push({ column: 'email', message: `you may not change the e-mail of a ${existing.role}` });
    if (!callerIsAdmin && (nextRole === 'admin') !== (existing?.role === 'admin') && isRole(nextRole)) {
      errors.push({ column: 'role', message: 'only an admin can grant or remove the admin role' });
    }

    if (errors.length) return { result: { line, action: 'error', key, errors } };
    const values = {
      email,
      name: cells.name,
      // An empty cell keeps what is known rather than erasing it.
      employeeNumber: number ?? existing?.employeeNumber ?? null,
      teamId: table.columns.includes('team') ? teamId : (existing?.teamId ?? null),
      role: nextRole,
    };
    if (!existing) return { result: { line, action: 'create', key, errors }, values };
    const confirmEmail = emailChanges && existing.status !== 'invited' ? email : undefined;
    if (confirmEmail) values.email = existing.email;
    const same =
      !confirmEmail &&
      existing.email.toLowerCase() === values.email.toLowerCase() &&
      existing.name === values.name &&
      existing.employeeNumber === values.employeeNumber &&
      existing.teamId === values.teamId &&
      existing.role === values.role;
    return {
      result: { line, action: same ? 'unchanged' : 'update', key, errors },
      existingId: existing.id,
      values,
      confirmEmail,
      addressChanged: emailChanges && !confirmEmail,
    };
  });
}

/** Writes the planned rows; `created` runs for each new person in the same transaction (the invitation). */
export async function applyEmployees(
  people: PeopleRepository,
  manager: EntityManager,
  organisationId: string,
  plan: PlannedEmployee[],
  hooks: {
    created: (user: UserEntity) => Promise<void>;
    /** An account's new address, to be confirmed by that address (nothing is written yet). */
    emailToConfirm: (user: UserEntity, newEmail: string) => Promise<void>;
    invitedAddressChanged: (user: UserEntity) => Promise<void>;
    progress: (done: number) => Promise<void>;
  },
): Promise<void> {
  for (const [index, row] of plan.entries()) {
    await atLine(row.result.line, async () => {
      if (row.result.action === 'update' && row.existingId && row.values) {
        await people.update(manager, organisationId, row.existingId, row.values);
        if (row.confirmEmail || row.addressChanged) {
          const user = await people.user(organisationId, row.existingId, manager);
          if (row.confirmEmail) await hooks.emailToConfirm(user, row.confirmEmail);
          else await hooks.invitedAddressChanged(user);
        }
      }
      if (row.result.action === 'create' && row.values) {
        const user = await people.insert(manager, organisationId, { ...row.values, status: 'invited' });
        await hooks.created(user);
      }
    });
    await hooks.progress(index + 1);
  }
}
