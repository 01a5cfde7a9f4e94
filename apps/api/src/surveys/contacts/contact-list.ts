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
  // a CRM export names the moment and the journey the customer was in
  touchpoint: 'touchpoint',
  contactmoment: 'touchpoint',
  journey: 'journey',
  klantreis: 'journey',
};

/** What the contact list is checked against: names of the organisation, pending and quarantined addresses. */
export interface ContactLookups {
  segmentIds: Map<string, string>;
  teamIds: Map<string, string>;
  journeyIds: Map<string, string>;
  /** Every touchpoint of the organisation: names repeat across journeys. */
  touchpoints: { id: string; journeyId: string; name: string }[];
  /** Lower-cased addresses already waiting for this survey's next wave. */
  pending: Set<string>;
  isQuarantined: (email: string) => boolean;
}

export interface CheckedContact extends ContactRow {
  segmentId: string | null;
  teamId: string | null;
  journeyId: string | null;
  touchpointId: string | null;
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
    const journey = cells.journey || null;
    const touchpoint = cells.touchpoint || null;
    const localeCell = (cells.locale ?? '').toLowerCase();
    const errors: ContactRow['errors'] = problems.map((p) => ({ field: p.column, message: p.message }));
    if (!email) errors.push({ field: 'email', message: 'missing e-mail address' });
    else if (!isEmail(email) || email.length > 320)
      errors.push({ field: 'email', message: `"${email}" is not an e-mail address` });
    const segmentId = segment ? (lookups.segmentIds.get(key(segment)) ?? null) : null;
    if (segment && !segmentId) errors.push({ field: 'segment', message: `unknown segment "${segment}"` });
    const teamId = team ? (lookups.teamIds.get(key(team)) ?? null) : null;
    if (team && !teamId) errors.push({ field: 'team', message: `unknown team "${team}"` });
    const context = journeyAndTouchpoint(journey, touchpoint, lookups);
    if (context.error) errors.push(context.error);
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
    const { journeyId, touchpointId } = context;
    return {
      ...{ line, email, segment, team, journey, touchpoint, locale, status, errors },
      ...{ segmentId, teamId, journeyId, touchpointId },
    };
  });
}

/**
 * The journey and touchpoint of a row, by name. A touchpoint is looked up within the row's journey;
 * without one its name must be unique in the organisation (names repeat across journeys).
 */
function journeyAndTouchpoint(
  journey: string | null,
  touchpoint: string | null,
  lookups: ContactLookups,
): { journeyId: string | null; touchpointId: string | null; error?: ContactRow['errors'][number] } {
  const journeyId = journey ? (lookups.journeyIds.get(key(journey)) ?? null) : null;
  if (journey && !journeyId)
    return {
      journeyId,
      touchpointId: null,
      error: { field: 'journey', message: `unknown journey "${journey}"` },
    };
  if (!touchpoint) return { journeyId, touchpointId: null };
  const matches = lookups.touchpoints.filter(
    (t) => key(t.name) === key(touchpoint) && (!journeyId || t.journeyId === journeyId),
  );
  if (matches.length === 1) return { journeyId: matches[0].journeyId, touchpointId: matches[0].id };
  const message = matches.length
    ? `touchpoint "${touchpoint}" is in several journeys: add a journey column`
    : journey
      ? `unknown touchpoint "${touchpoint}" in journey "${journey}"`
      : `unknown touchpoint "${touchpoint}"`;
  return { journeyId, touchpointId: null, error: { field: 'touchpoint', message } };
}

export function summarise(rows: CheckedContact[]): ContactPreview {
  const count = (status: ContactRow['status']) => rows.filter((r) => r.status === status).length;
  return {
    rows: rows.map(({ segmentId: _s, teamId: _t, journeyId: _j, touchpointId: _p, ...row }) => row),
    new: count('new'),
    quarantined: count('quarantined'),
    duplicates: count('duplicate'),
    errors: count('error'),
  };
}
