import Papa from 'papaparse';

/** A CSV cell: text as is, a number written with the dialect's decimal mark, null as empty. */
export type CsvCell = string | number | null;

export interface CsvDialect {
  separator: string;
  decimal: string;
}

/** A plain number in this dialect ("-7", "7,5"): Excel reads it as a value, never as a formula. */
const numberPattern = (decimal: string) => `[-+]?\\d+(?:\\${decimal}\\d+)?`;
export const plainNumber = (decimal: string) => new RegExp(`^${numberPattern(decimal)}$`);

/**
 * Every CSV download goes through here. Cells that a spreadsheet would run as a formula (starting
 * with = + - @ tab or CR, OWASP "CSV injection") get a leading ' and quotes; plain numbers stay numbers.
 */
export function writeCsv(rows: CsvCell[][], { separator, decimal }: CsvDialect): string {
  const text = rows.map((row) =>
    row.map((cell) =>
      cell === null ? '' : typeof cell === 'number' ? String(cell).replace('.', decimal) : cell,
    ),
  );
  const formula = new RegExp(`^(?!${numberPattern(decimal)}$)[=+\\-@\\t\\r]`);
  return Papa.unparse(text, { delimiter: separator, newline: '\r\n', escapeFormulae: formula }) + '\r\n';
}
