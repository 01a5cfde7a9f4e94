import { parse } from 'csv-parse/sync';
import { invalid } from './domain-error';

export interface CsvTable {
  delimiter: ',' | ';';
  encoding: 'utf-8' | 'windows-1252';
  /** Canonical column names, in file order; unknown headers keep their own (lower-cased) name. */
  columns: string[];
  rows: { line: number; cells: Record<string, string>; cellCount: number }[];
}

export const MAX_IMPORT_ROWS = 20_000;

/**
 * Decodes a CSV upload as UTF-8 (with or without BOM) or, failing that, as Windows-1252 (what
 * Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)"), and detects ';' or ','.
 */
export function readCsv(buffer: Buffer, aliases: Record<string, string>): CsvTable {
  if (!buffer.length) throw invalid('file', 'the file is empty');
  let encoding: CsvTable['encoding'] = 'utf-8';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    encoding = 'windows-1252';
    text = new TextDecoder('windows-1252').decode(buffer);
  }
  text = text.replace(/^\uFEFF/, '');
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';

  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    throw invalid('file', `not a readable CSV file: ${(error as Error).message}`);
  }
  const records = parsed.map((p) => p.record);
  if (records.length < 2) throw invalid('file', 'the file needs a header row and at least one data row');
  if (records.length - 1 > MAX_IMPORT_ROWS)
    throw invalid('file', `at most ${MAX_IMPORT_ROWS} rows per import`);

  const columns = records[0].map((header) => aliases[normalise(header)] ?? normalise(header));
  const duplicate = columns.find((c, i) => c && columns.indexOf(c) !== i);
  if (duplicate) throw invalid('file', `column "${duplicate}" appears twice`);

  const rows = parsed.slice(1).map(({ record, info }) => ({
    // info.lines is the line a record ends on; a quoted cell may span several lines.
    line: info.lines - (record.join('').split('\n').length - 1),
    cellCount: record.length,
    cells: Object.fromEntries(columns.map((column, i) => [column, (record[i] ?? '').trim()])),
  }));
  return { delimiter, encoding, columns, rows };
}

export function requireColumns(table: CsvTable, required: string[]): void {
  const missing = required.filter((c) => !table.columns.includes(c));
  if (missing.length) throw invalid('file', `missing column(s): ${missing.join(', ')}`);
}

const count = (s: string, c: string) => s.split(c).length - 1;
const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
