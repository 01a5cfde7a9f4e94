import type { SurveyComments } from '@wk/contracts';
import { writeCsv } from '../../lib/csv';
import { csvDialect } from '../insights/table-model';

/**
 * The comments export as CSV: date (the day only: answers keep no time), group, comment. Written by
 * the shared writer, so a comment that looks like a formula is never run by a spreadsheet.
 */
export function commentsToCsv(
  data: SurveyComments,
  lang: string,
  texts: { date: string; group: string; comment: string; groupName: (group: string) => string },
  timeZone?: string,
): string {
  // YYYY-MM-DD in the reader's time zone (as the screen shows it): the day is midnight where the organisation is.
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const rows = data.comments.map((c) => [
    day.format(new Date(c.submittedAt)),
    texts.groupName(c.group),
    c.text,
  ]);
  return writeCsv([[texts.date, texts.group, texts.comment], ...rows], csvDialect(lang));
}
