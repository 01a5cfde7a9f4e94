import { isEmail } from 'class-validator';
import { LOCALES } from '@wk/domain';
import type { Locale } from '@wk/domain';
import type { ContactPreview, ContactRow } from '@wk/contracts';
import { CsvTable, requireColumns } from '../../common/csv-reader';

/** Header names HR may use, Dutch and English, mapped to the canonical column. */
export const CONTACT_COLUMNS: Record<string, string> = {
  email: 'email',
  e_mail: 'email',
  emailadres: 'email',
  e_mailadres: 'email',
  segment: 'segment',
  klantsegment: 'segment',
  profiel: 'segment',
  team: 'team',
  taal: 'locale',
  language: 'locale',
  locale: 'locale',
};

/** What the contact list is checked against: names of the organisation, pending and quarantined addresses. */
export interface ContactLookups {
  segmentIds: Map<string, string>;
  teamIds: Map<string, string>;
  /** Lower-cased addresses already waiting for this survey's next wave. */
  pending: Set<string>;
  isQuarantined: (email: string) => boolean;
}

export interface CheckedContact extends ContactRow {
  segmentId: string | null;
  teamId: string | null;
}

const key = (name: string) => name.trim().toLowerCase();

/** Checks every row of an uploaded contact list; pure, so the preview and the upload agree. */
export function checkContacts(table: CsvTable, lookups: ContactLookups): CheckedContact[] {
  requireColumns(table, ['email']);
  const seen = new Set<string>();
  return table.rows.map(({ line, cells, problems }) => {
    const email = cells.email ?? '';
    const segment = cells.segment || null;
    const team = cells.team || null;
    const localeCell = (cells.locale ?? '').toLowerCase();
    const errors: ContactRow['errors'] = problems.map((p) => ({ field: p.column, message: p.message }));
    if (!email) errors.push({ field: 'email', message: 'missing e-mail address' });
    else if (!isEmail(email) || email.length > 320)
      errors.push({ field: 'email', message: `"${email}" is not an e-mail address` });
    const segmentId = segment ? (lookups.segmentIds.get(key(segment)) ?? null) : null;
    if (segment && !segmentId) errors.push({ field: 'segment', message: `unknown segment "${segment}"` });
    const teamId = team ? (lookups.teamIds.get(key(team)) ?? null) : null;
    if (team && !teamId) errors.push({ field: 'team', message: `unknown team "${team}"` });
    const locale = localeCell
      ? (LOCALES as readonly string[]).includes(localeCell)
        ? (localeCell as Locale)
        : null
      : null;
    if (localeCell && !locale) errors.push({ field: 'locale', message: `language must be nl or en` });
    const address = email.toLowerCase();
    let status: ContactRow['status'] = 'new';
    if (errors.length) status = 'error';
    else if (seen.has(address) || lookups.pending.has(address)) status = 'duplicate';
    else if (lookups.isQuarantined(email)) status = 'quarantined';
    seen.add(address);
    return { line, email, segment, team, locale, status, errors, segmentId, teamId };
  });
}

export function summarise(rows: CheckedContact[]): ContactPreview {
  const count = (status: ContactRow['status']) => rows.filter((r) => r.status === status).length;
  return {
    rows: rows.map(({ segmentId: _s, teamId: _t, ...row }) => row),
    new: count('new'),
    quarantined: count('quarantined'),
    duplicates: count('duplicate'),
    errors: count('error'),
  };
}
