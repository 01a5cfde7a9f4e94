import { isEmail } from 'class-validator';
import { parse, type Filter } from 'scim2-parse-filter';
import { scimInvalid } from './scim-errors';
import { SCIM_MAX_RESULTS, SCIM_SCHEMAS } from './scim-schemas';

/** A person as the repository reads it, with what SCIM adds (scim_users). */
export interface ScimUserRow {
  id: string;
  email: string;
  name: string;
  employee_number: string | null;
  status: 'invited' | 'active' | 'deactivated';
  team_id: string | null;
  team_name: string | null;
  user_name: string | null;
  external_id: string | null;
  given_name: string | null;
  family_name: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ScimGroupRow {
  id: string;
  name: string;
  external_id: string | null;
  members: { id: string; name: string }[];
  created_at: Date;
  updated_at: Date;
}

export interface ScimUserResource {
  schemas: string[];
  id: string;
  externalId?: string;
  userName: string;
  name: { formatted: string; givenName?: string; familyName?: string };
  displayName: string;
  emails: { value: string; type: 'work'; primary: true }[];
  active: boolean;
  groups: { value: string; display: string; $ref: string }[];
  [SCIM_SCHEMAS.enterprise]?: { employeeNumber: string };
  meta: { resourceType: 'User'; created: string; lastModified: string; location: string };
}

export interface ScimGroupResource {
  schemas: string[];
  id: string;
  externalId?: string;
  displayName: string;
  members?: { value: string; display: string; $ref: string }[];
  meta: { resourceType: 'Group'; created: string; lastModified: string; location: string };
}

const joinName = (given: string | null | undefined, family: string | null | undefined) =>
  [given, family].filter(Boolean).join(' ');

export function toScimUser(row: ScimUserRow, baseUrl: string): ScimUserResource {
  // Given and family name only while they still make up the name (the dashboard may have changed it).
  const parts = joinName(row.given_name, row.family_name) === row.name;
  return {
    schemas: row.employee_number ? [SCIM_SCHEMAS.user, SCIM_SCHEMAS.enterprise] : [SCIM_SCHEMAS.user],
    id: row.id,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    userName: row.user_name ?? row.email,
    name: {
      formatted: row.name,
      ...(parts && row.given_name ? { givenName: row.given_name } : {}),
      ...(parts && row.family_name ? { familyName: row.family_name } : {}),
    },
    displayName: row.name,
    emails: [{ value: row.email, type: 'work', primary: true }],
    active: row.status !== 'deactivated',
    groups: row.team_id
      ? [{ value: row.team_id, display: row.team_name ?? '', $ref: `${baseUrl}/Groups/${row.team_id}` }]
      : [],
    ...(row.employee_number ? { [SCIM_SCHEMAS.enterprise]: { employeeNumber: row.employee_number } } : {}),
    meta: {
      resourceType: 'User',
      created: row.created_at.toISOString(),
      lastModified: row.updated_at.toISOString(),
      location: `${baseUrl}/Users/${row.id}`,
    },
  };
}

export function toScimGroup(row: ScimGroupRow, baseUrl: string, withMembers = true): ScimGroupResource {
  return {
    schemas: [SCIM_SCHEMAS.group],
    id: row.id,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    displayName: row.name,
    ...(withMembers
      ? {
          members: row.members.map((m) => ({
            value: m.id,
            display: m.name,
            $ref: `${baseUrl}/Users/${m.id}`,
          })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: row.created_at.toISOString(),
      lastModified: row.updated_at.toISOString(),
      location: `${baseUrl}/Groups/${row.id}`,
    },
  };
}

/** What a SCIM User asks to store (absent optional attributes are null: PUT merges over the current resource first). */
export interface UserInput {
  email: string;
  userName: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  externalId: string | null;
  employeeNumber: string | null;
  active: boolean;
}

export interface GroupInput {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function asObject(value: unknown, what: string): Json {
  if (!isObject(value)) throw scimInvalid(`${what} must be a JSON object`, 'invalidSyntax');
  return value;
}

/** An optional string attribute, trimmed; empty is absent. */
function text(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw scimInvalid(`${field} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw scimInvalid(`${field} must be at most ${max} characters`);
  return trimmed || null;
}

/** SCIM booleans; Entra ID sends "True"/"False" as strings in PATCH. */
export function scimBoolean(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw scimInvalid(`${field} must be true or false`);
}

/** The e-mail address: the primary e-mail, else the work one, else the first, else userName. */
function emailOf(body: Json, userName: string): string {
  const emails = body.emails;
  if (emails !== undefined && emails !== null && !Array.isArray(emails))
    throw scimInvalid('emails must be an array');
  const list = ((emails as unknown[] | undefined) ?? []).filter(isObject);
  const chosen =
    list.find((e) => e.primary === true || e.primary === 'true' || e.primary === 'True') ??
    list.find((e) => e.type === 'work') ??
    list[0];
  const email = chosen ? text(chosen.value, 'emails.value', 254) : userName;
  if (!email || !isEmail(email))
    throw scimInvalid(
      chosen
        ? 'emails.value must be an e-mail address'
        : 'userName must be an e-mail address (or send emails)',
    );
  return email;
}

/**
 * Reads a whole SCIM User. With `previous` (PUT merged over it, or PATCH applied to it) a name
 * part counts only when it changed, so that "replace name.familyName" changes the name.
 */
export function readUser(body: Json, previous?: ScimUserResource): UserInput {
  const userName = text(body.userName, 'userName', 254);
  if (!userName) throw scimInvalid('userName is required');
  let email = emailOf(body, userName);
  // Where the address simply followed userName and emails did not change, it follows it still.
  const before = previous?.emails[0]?.value;
  if (
    previous &&
    before?.toLowerCase() === previous.userName.toLowerCase() &&
    JSON.stringify(body.emails) === JSON.stringify(previous.emails) &&
    isEmail(userName)
  )
    email = userName;
  const name = isObject(body.name) ? body.name : body.name == null ? {} : undefined;
  if (!name) throw scimInvalid('name must be an object');
  const formatted = text(name.formatted, 'name.formatted', 120);
  const givenName = text(name.givenName, 'name.givenName', 120);
  const familyName = text(name.familyName, 'name.familyName', 120);
  const displayName = text(body.displayName, 'displayName', 120);
  const joined = joinName(givenName, familyName);
  if (joined.length > 120)
    throw scimInvalid('name.givenName and name.familyName together must be at most 120 characters');
  let fullName: string;
  if (previous) {
    const before = previous.name;
    if (formatted && formatted !== before.formatted) fullName = formatted;
    else if (
      joined &&
      (givenName !== (before.givenName ?? null) || familyName !== (before.familyName ?? null))
    )
      fullName = joined;
    else if (displayName && displayName !== previous.displayName) fullName = displayName;
    else fullName = before.formatted;
  } else fullName = formatted || joined || displayName || userName.split('@')[0];
  const enterprise = body[SCIM_SCHEMAS.enterprise];
  if (enterprise !== undefined && enterprise !== null && !isObject(enterprise))
    throw scimInvalid(`${SCIM_SCHEMAS.enterprise} must be an object`);
  return {
    email,
    userName,
    name: fullName,
    givenName,
    familyName,
    externalId: text(body.externalId, 'externalId', 200),
    employeeNumber: text(isObject(enterprise) ? enterprise.employeeNumber : null, 'employeeNumber', 40),
    active: body.active === undefined || body.active === null ? true : scimBoolean(body.active, 'active'),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

export function readGroup(body: Json): GroupInput {
  const displayName = text(body.displayName, 'displayName', 120);
  if (!displayName) throw scimInvalid('displayName is required');
  const members = body.members ?? [];
  if (!Array.isArray(members)) throw scimInvalid('members must be an array');
  const memberIds = members.map((member, i) => {
    const value = isObject(member) ? member.value : undefined;
    if (typeof value !== 'string' || !value.trim())
      throw scimInvalid(`members[${i}].value must be a user id`);
    return value.trim();
  });
  return {
    displayName,
    externalId: text(body.externalId, 'externalId', 200),
    memberIds: [...new Set(memberIds)],
  };
}

/** startIndex (1-based) and count of a list request (RFC 7644 §3.4.2.4); out-of-range values are clamped. */
export function readPaging(query: Record<string, unknown>): { startIndex: number; count: number } {
  const number = (name: string, fallback: number) => {
    const raw = query[name];
    if (raw === undefined || raw === '') return fallback;
    if (typeof raw !== 'string' || !/^-?\d{1,9}$/.test(raw)) throw scimInvalid(`${name} must be an integer`);
    return Number(raw);
  };
  return {
    startIndex: Math.max(1, number('startIndex', 1)),
    count: Math.min(SCIM_MAX_RESULTS, Math.max(0, number('count', SCIM_MAX_RESULTS))),
  };
}

/** A filter as SQL: a condition with $n placeholders counted from `offset`, and its values. */
export interface SqlFilter {
  sql: string;
  params: unknown[];
}

/** Per resource type: the lower-cased attribute path → the SQL that compares it with a value. */
export type FilterColumns = Record<string, (placeholder: string) => string>;

const CORE_PREFIX = /^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/i;

/**
 * Parses `filter` (with scim2-parse-filter) and translates `eq` comparisons joined by `and`/`or`
 * on known attributes into SQL. Anything else is a 400 invalidFilter, never a silent full list.
 */
export function filterToSql(raw: unknown, columns: FilterColumns, offset: number): SqlFilter | null {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || raw.length > 1000)
    throw scimInvalid('filter must be a string', 'invalidFilter');
  let ast: Filter;
  try {
    ast = parse(raw);
  } catch {
    throw scimInvalid(`filter could not be parsed: ${raw}`, 'invalidFilter');
  }
  const params: unknown[] = [];
  const walk = (node: Filter, prefix = ''): string => {
    switch (node.op) {
      case 'and':
      case 'or':
        return `(${node.filters.map((f) => walk(f, prefix)).join(` ${node.op.toUpperCase()} `)})`;
      case '[]':
        return walk(node.valFilter, `${prefix}${node.attrPath}.`);
      case 'eq': {
        const path = `${prefix}${node.attrPath}`.replace(CORE_PREFIX, '').toLowerCase();
        const column = columns[path];
        if (!column) throw scimInvalid(`filtering on ${path} is not supported`, 'invalidFilter');
        if (node.compValue === null || typeof node.compValue === 'object')
          throw scimInvalid(`${path} must be compared with a value`, 'invalidFilter');
        params.push(typeof node.compValue === 'boolean' ? node.compValue : String(node.compValue));
        return column(`$${offset + params.length}`);
      }
      default:
        throw scimInvalid(`the operator ${node.op} is not supported (use eq, and, or)`, 'invalidFilter');
    }
  };
  return { sql: walk(ast), params };
}
