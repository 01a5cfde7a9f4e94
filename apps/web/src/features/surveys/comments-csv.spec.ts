import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { commentsToCsv } from './comments-csv';

const texts = { date: 'Datum', group: 'Groep', comment: 'Opmerking', groupName: (g: string) => `groep ${g}` };

describe('commentsToCsv', () => {
  it('writes date, group and comment per row, formulas escaped, quotes and new lines kept', () => {
    const csv = commentsToCsv(
      {
        minimum: 5,
        withheld: [],
        comments: [
          { text: '=HYPERLINK("http://x")', submittedAt: '2026-03-04T23:00:00.000Z', group: 'open' },
          { text: 'Goed; "snel"\ngeholpen', submittedAt: '2026-03-05T23:00:00.000Z', group: 'w1' },
        ],
      },
      'nl',
      texts,
      'Europe/Amsterdam',
    );
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { delimiter: ';' }).data;
    expect(parsed).toEqual([
      ['Datum', 'Groep', 'Opmerking'],
      ['2026-03-05', 'groep open', `'=HYPERLINK("http://x")`],
      ['2026-03-06', 'groep w1', 'Goed; "snel"\ngeholpen'],
    ]);
  });

  it('uses the English dialect in English', () => {
    expect(commentsToCsv({ minimum: 5, withheld: [], comments: [] }, 'en', texts)).toBe(
      'Datum,Groep,Opmerking\r\n',
    );
  });
});
