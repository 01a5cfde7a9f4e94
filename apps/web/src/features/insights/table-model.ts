/**
 * The table behind every chart: one spec renders the accessible table and the CSV download, so
 * both always hold exactly what the chart shows. Pure; texts come in from i18n.
 */
import { type CsvCell, type CsvDialect, writeCsv } from '../../lib/csv';
import { formatNumber, type NumberKind } from '../../lib/number-format';

/** An employee aggregate held back by the anonymity minimum: shown as "te weinig antwoorden", never blank. */
export interface TooFew {
  tooFew: true;
}
/** A 95% interval; both bounds null when it is undefined (n = 1). */
export interface Interval {
  low: number | null;
  high: number | null;
}
export type CellValue = number | string | null | TooFew | Interval;

/** How a column formats numbers (the shared formatter's kinds). */
export type ColumnKind = NumberKind;

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type TableRow = Record<string, CellValue>;

export interface TableSpec {
  columns: Column[];
  rows: TableRow[];
}

export interface CellTexts {
  tooFew: string;
  /** An interval for n = 1 ("onbepaald"). */
  undefinedInterval: string;
}

export const TOO_FEW: TooFew = { tooFew: true };
export const isTooFew = (value: unknown): value is TooFew =>
  typeof value === 'object' && value !== null && (value as TooFew).tooFew === true;
const isInterval = (value: unknown): value is Interval =>
  typeof value === 'object' && value !== null && 'low' in value && 'high' in value;

export { formatNumber };

/** A cell for reading: "–" for no data, the too-few text, "6,8–7,9" for an interval. */
export function formatCell(value: CellValue, kind: ColumnKind, lang: string, texts: CellTexts): string {
  if (value === null || value === undefined) return '–';
  if (isTooFew(value)) return texts.tooFew;
  if (isInterval(value)) {
    if (value.low === null || value.high === null) return texts.undefinedInterval;
    return `${formatNumber(value.low, kind, lang)} – ${formatNumber(value.high, kind, lang)}`;
  }
  if (typeof value === 'number') return formatNumber(value, kind, lang);
  return value;
}

/** Separator and decimal mark that Excel reads in the reader's language: ";" with "7,5" in Dutch, "," with "7.5" in English. */
export function csvDialect(lang: string): CsvDialect {
  return lang === 'en' ? { separator: ',', decimal: '.' } : { separator: ';', decimal: ',' };
}

function csvNumber(value: number, kind: ColumnKind): number {
  const digits = kind === 'share' ? 3 : kind === 'grade' ? 2 : kind === 'self' ? 3 : 1;
  return Number(value.toFixed(digits));
}

/**
 * The table as CSV (header row first, CRLF lines). Numbers keep more digits than on screen, shares
 * stay fractions 0-1, an interval becomes two columns "… (laag)" / "… (hoog)".
 */
export function tableToCsv(
  spec: TableSpec,
  lang: string,
  texts: CellTexts & { low: string; high: string },
): string {
  const intervalColumns = new Set(
    spec.columns.filter((c) => spec.rows.some((r) => isInterval(r[c.key]))).map((c) => c.key),
  );
  const header = spec.columns.flatMap((c) =>
    intervalColumns.has(c.key) ? [`${c.label} (${texts.low})`, `${c.label} (${texts.high})`] : [c.label],
  );
  const cell = (value: CellValue, kind: ColumnKind): CsvCell => {
    if (value === null || value === undefined) return null;
    if (isTooFew(value)) return texts.tooFew;
    if (typeof value === 'number') return csvNumber(value, kind);
    if (typeof value === 'string') return value;
    return null;
  };
  const rows = spec.rows.map((row) =>
    spec.columns.flatMap((c) => {
      const value = row[c.key] ?? null;
      if (!intervalColumns.has(c.key)) return [cell(value, c.kind)];
      if (isInterval(value)) return [cell(value.low, c.kind), cell(value.high, c.kind)];
      return [cell(value, c.kind), cell(value, c.kind)];
    }),
  );
  return writeCsv([header, ...rows], csvDialect(lang));
}

/** A file name of letters, digits and dashes: "kloof-2026-q3.csv". */
export function csvFileName(...parts: string[]): string {
  const slug = parts
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug}.csv`;
}
