import { formatDecimal, formatNumber, type NumberKind } from './number-format';

describe('formatNumber (the one number formatter)', () => {
  const cases: [number, NumberKind, string, string][] = [
    [6.1, 'grade', 'nl', '6,1'],
    [6.1, 'grade', 'en', '6.1'],
    [7.25, 'grade', 'nl', '7,3'],
    [3.456, 'self', 'nl', '3,46'],
    [3.456, 'self', 'en', '3.46'],
    [82.4, 'index', 'nl', '82'],
    [7, 'gap', 'nl', '+7'],
    [-12.6, 'gap', 'nl', '−13'],
    [0, 'gap', 'nl', '0'],
    [-100, 'gap', 'nl', '−100'],
    [0.425, 'share', 'nl', '43%'],
    [12345, 'count', 'nl', '12.345'],
    [12345, 'count', 'en', '12,345'],
  ];
  it.each(cases)('%d as %s in %s → %s', (value, kind, lang, expected) => {
    expect(formatNumber(value, kind, lang).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it('never prints a decimal point in Dutch nor a comma decimal in English (generated)', () => {
    for (let i = 0; i < 500; i++) {
      const value = (i * 7.31) % 10;
      const nl = formatDecimal(value, 1, 'nl');
      const en = formatDecimal(value, 1, 'en');
      expect(nl).toMatch(/^\d+,\d$/);
      expect(en).toMatch(/^\d+\.\d$/);
      expect(Number(en)).toBeCloseTo(Number(nl.replace(',', '.')), 10);
    }
  });

  it('signs a gap with a real minus, and only when asked otherwise', () => {
    expect(formatDecimal(-0.6, 1, 'nl', true)).toBe('−0,6');
    expect(formatDecimal(0.6, 1, 'nl', true)).toBe('+0,6');
    expect(formatDecimal(0.6, 1, 'nl')).toBe('0,6');
  });
});
