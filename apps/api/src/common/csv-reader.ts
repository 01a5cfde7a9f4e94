import { parse } from 'csv-parse/sync';
import type { CsvDelimiter, CsvEncoding } from '@wk/contracts';
import { invalid } from './domain-error';

export interface CsvTable {
  delimiter: CsvDelimiter;
  encoding: CsvEncoding;
  /** Canonical column names, in file order; unknown headers keep their own (lower-cased) name. */
  columns: string[];
  rows: {
    line: number;
    cells: Record<string, string>;
    cellCount: number;
    /** Cells of known columns that no row may carry (a NUL byte: PostgreSQL cannot store it). */
    problems: { column: string; message: string }[];
  }[];
}

export const MAX_IMPORT_ROWS = 20_000;

/**
 * Decodes a CSV upload: UTF-16 when it starts with its BOM (Excel's "Unicode text", tab-separated),
 * else UTF-8 (with or without BOM) or, failing that, Windows-1252 (what Dutch Excel writes for
 * "CSV (gescheiden door lijstscheidingsteken)"); detects tab, ';' or ',' from the header line.
 */
export function readCsv(buffer: Buffer, aliases: Record<string, string>): CsvTable {
  if (!buffer.length) throw invalid('file', 'the file is empty');
  const { encoding, text } = decode(buffer);
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (['\t', ';', ','] as const).reduce((best, d) =>
    count(headerLine, d) > count(headerLine, best) ? d : best,
  );

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

  const known = new Set(Object.values(aliases));
  const rows = parsed.slice(1).map(({ record, info }) => {
    const cells = Object.fromEntries(columns.map((column, i) => [column, (record[i] ?? '').trim()]));
    return {
      // info.lines is the line a record ends on; a quoted cell may span several lines.
      line: info.lines - (record.join('').split('\n').length - 1),
      cellCount: record.length,
      cells,
      problems: columns
        .filter((column) => known.has(column) && cells[column].includes('\0'))
        .map((column) => ({ column, message: 'contains a NUL byte (\\0), which cannot be stored' })),
    };
  });
  return { delimiter, encoding, columns, rows };
}

function decode(buffer: Buffer): { encoding: CsvEncoding; text: string } {
  const bom = buffer.subarray(0, 2);
  const utf16 = bom.equals(UTF16LE_BOM) ? 'utf-16le' : bom.equals(UTF16BE_BOM) ? 'utf-16be' : null;
  if (utf16) {
    try {
      // The decoder drops the BOM itself.
      return { encoding: utf16, text: new TextDecoder(utf16, { fatal: true }).decode(buffer) };
    } catch {
      throw invalid(
        'file',
        `starts like ${utf16.toUpperCase()} text but is not valid ${utf16.toUpperCase()}`,
      );
    }
  }
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(buffer) };
  } catch {
    return { encoding: 'windows-1252', text: new TextDecoder('windows-1252').decode(buffer) };
  }
}

const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

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
