import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { type CsvCell, type CsvDialect, plainNumber, writeCsv } from './csv';

const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'];
const dialects: CsvDialect[] = [
  { separator: ';', decimal: ',' },
  { separator: ',', decimal: '.' },
];

/** Text that spreadsheets and CSV readers find awkward: formula starts, separators, quotes, newlines. */
const nasty = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    '1',
    '.',
    ',',
    ';',
    '"',
    "'",
    ' ',
    '\n',
    '\r',
    '\t',
    '=',
    '+',
    '-',
    '@',
    '(',
    'é',
  ),
});
const cell: fc.Arbitrary<CsvCell> = fc.oneof(
  fc.string(),
  nasty,
  fc.tuple(fc.constantFrom(...FORMULA_START), nasty).map(([start, rest]) => start + rest),
  fc.constantFrom('=HYPERLINK("http://evil.example","klik")', '-7', '+31 6 1234', '@SUM(A1)', '-2+3'),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 1000),
  fc.constant(null),
);
// Two columns at least, as every export has: a one-column row of "" is an empty line, which no CSV can tell from nothing.
const table = fc
  .integer({ min: 2, max: 5 })
  .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1 }));

const parse = (csv: string, { separator }: CsvDialect) => {
  expect(csv.endsWith('\r\n')).toBe(true);
  return Papa.parse<string[]>(csv.slice(0, -2), { delimiter: separator, newline: '\r\n' }).data;
};

describe('writeCsv', () => {
  it.each(dialects)(
    'never starts a cell with a formula character unless it is a plain number ($separator)',
    (dialect) => {
      fc.assert(
        fc.property(table, (rows) => {
          for (const parsed of parse(writeCsv(rows, dialect), dialect).flat())
            if (FORMULA_START.includes(parsed[0] ?? '')) expect(parsed).toMatch(plainNumber(dialect.decimal));
        }),
        { numRuns: 1000 },
      );
    },
  );

  it.each(dialects)('round-trips through a CSV parser to the escaped value ($separator)', (dialect) => {
    fc.assert(
      fc.property(table, (rows) => {
        const expected = rows.map((row) =>
          row.map((value) => {
            if (value === null) return '';
            if (typeof value === 'number') return String(value).replace('.', dialect.decimal);
            const isFormula =
              FORMULA_START.includes(value[0] ?? '') && !plainNumber(dialect.decimal).test(value);
            return isFormula ? `'${value}` : value;
          }),
        );
        expect(parse(writeCsv(rows, dialect), dialect)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('escapes a hyperlink formula but keeps negative numbers as numbers', () => {
    expect(writeCsv([['=HYPERLINK("http://x")', -7, '-7,5', -7.5]], { separator: ';', decimal: ',' })).toBe(
      `"'=HYPERLINK(""http://x"")";-7;-7,5;-7,5\r\n`,
    );
  });
});
