import { describe, expect, it } from 'vitest';
import { csvFileName, formatCell, formatNumber, tableToCsv, TOO_FEW, type TableSpec } from './table-model';

const texts = { tooFew: 'te weinig antwoorden', undefinedInterval: 'onbepaald', low: 'laag', high: 'hoog' };

describe('table cells', () => {
  it.each([
    [7.46, 'grade', 'nl', '7,5'],
    [7.46, 'grade', 'en', '7.5'],
    [3.126, 'self', 'nl', '3,13'],
    [66.6, 'index', 'nl', '67'],
    [-8.2, 'gap', 'nl', '−8'],
    [12.4, 'gap', 'nl', '+12'],
    [0, 'gap', 'nl', '0'],
    [0.705, 'share', 'nl', '71%'],
    [35, 'count', 'nl', '35'],
  ] as const)('formats %p as %s in %s: %s', (value, kind, lang, text) => {
    expect(formatNumber(value, kind, lang).replace(/\u00a0/g, ' ')).toBe(text);
  });

  it('never leaves a held-back or missing cell blank', () => {
    expect(formatCell(TOO_FEW, 'self', 'nl', texts)).toBe('te weinig antwoorden');
    expect(formatCell(null, 'grade', 'nl', texts)).toBe('–');
    expect(formatCell({ low: null, high: null }, 'grade', 'nl', texts)).toBe('onbepaald');
    expect(formatCell({ low: 6.84, high: 7.91 }, 'grade', 'nl', texts)).toBe('6,8 – 7,9');
    expect(formatCell('Balie', 'text', 'nl', texts)).toBe('Balie');
  });
});

describe('CSV', () => {
  const spec: TableSpec = {
    columns: [
      { key: 'team', label: 'Team', kind: 'text' },
      { key: 'grade', label: 'Klantcijfer', kind: 'grade' },
      { key: 'ci', label: '95%-interval', kind: 'grade' },
      { key: 'self', label: 'Zelfscore', kind: 'self' },
    ],
    rows: [
      { team: 'Balie; voorkant', grade: 7.456, ci: { low: 7.1, high: 7.8 }, self: 3.1234 },
      { team: 'Wijkteam "Noord"', grade: null, ci: null, self: TOO_FEW },
    ],
  };

  it('uses ; and decimal commas in Dutch, splits intervals and quotes where needed', () => {
    expect(tableToCsv(spec, 'nl', texts)).toBe(
      'Team;Klantcijfer;95%-interval (laag);95%-interval (hoog);Zelfscore\r\n' +
        '"Balie; voorkant";7,46;7,1;7,8;3,123\r\n' +
        '"Wijkteam ""Noord""";;;;te weinig antwoorden\r\n',
    );
  });

  it('uses , and decimal points in English', () => {
    const csv = tableToCsv(spec, 'en', { ...texts, tooFew: 'too few responses', low: 'low', high: 'high' });
    expect(csv.split('\r\n')[1]).toBe('Balie; voorkant,7.46,7.1,7.8,3.123');
    expect(csv.split('\r\n')[2]).toBe('"Wijkteam ""Noord""",,,,too few responses');
  });

  it('writes a team name that looks like a formula as text, and negative gaps as numbers', () => {
    const evil: TableSpec = {
      columns: [
        { key: 'team', label: 'Team', kind: 'text' },
        { key: 'gap', label: 'Kloof', kind: 'gap' },
      ],
      rows: [{ team: '=HYPERLINK("http://evil.example";"klik")', gap: -7 }],
    };
    expect(tableToCsv(evil, 'nl', texts).split('\r\n')[1]).toBe(
      `"'=HYPERLINK(""http://evil.example"";""klik"")";-7`,
    );
  });

  it('names files safely', () => {
    expect(csvFileName('Kloof', 'Q3 2026', 'Één team')).toBe('kloof-q3-2026-een-team.csv');
  });
});
