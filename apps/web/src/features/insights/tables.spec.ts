import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { behaviourStacks } from './behaviour-model';
import { trendSeries, valueTiles } from './kpi-model';
import { tableToCsv, TOO_FEW } from './table-model';
import { behaviourTable, tilesTable, trendTable } from './tables';
import { orgReport } from './test-fixtures';

const t = i18n.getFixedT('nl');
const texts = {
  tooFew: 'te weinig antwoorden',
  undefinedInterval: 'onbepaald',
  low: 'ondergrens',
  high: 'bovengrens',
};

describe('chart tables', () => {
  it('lists the overview tiles with Dutch headers, statuses and the trend per period', () => {
    const spec = tilesTable(valueTiles(orgReport, '2026-Q2'), t, 'nl');
    expect(spec.columns.map((c) => c.label)).toEqual([
      'Waarde',
      'Niveau',
      'Klantcijfer',
      '95%-interval',
      'Doel',
      'Status',
      'Aantal klanten',
      'Zelfindex',
      'Aantal medewerkers',
      'Kloof',
      'Duiding kloof',
      'Klantcijfer Q1 2026',
      'Klantcijfer Q2 2026',
    ]);
    expect(spec.rows[0]).toMatchObject({
      value: 'Betrouwbaar',
      level: 'Basis',
      status: 'op koers',
      gapLabel: 'in balans',
    });
    // a held-back self side hides its n too
    expect(spec.rows[1]).toMatchObject({
      status: 'onder doel',
      selfIndex: TOO_FEW,
      employees: TOO_FEW,
      gap: null,
    });
  });

  it('writes "te weinig antwoorden" into the CSV, never an empty cell', () => {
    const csv = tableToCsv(tilesTable(valueTiles(orgReport, '2026-Q2'), t, 'nl'), 'nl', texts);
    const personal = csv.split('\r\n').find((line) => line.startsWith('Persoonlijk'));
    expect(personal).toContain('te weinig antwoorden;te weinig antwoorden');
  });

  it('shows the trend with grade and self intervals', () => {
    const spec = trendTable(trendSeries(orgReport, 'betrouwbaar'), t, 'nl');
    expect(spec.rows[0]).toMatchObject({ period: 'Q1 2026', grade: 7.2, selfScore: 3, employees: 12 });
    expect(spec.rows[0].selfCi).toEqual({ low: 2.8, high: 3.2 });
  });

  it('holds back every number of a suppressed behaviour', () => {
    const stacks = behaviourStacks(
      {
        minimum: 5,
        behaviours: [
          {
            period: '2026-Q2',
            valueKey: 'betrouwbaar',
            behaviourKey: 'b1',
            text: 'kom afspraken na',
            textEn: '',
            levels: null,
            notApplicable: null,
            respondents: null,
            mean: null,
            suppressed: 'too_few',
          },
        ],
      },
      '2026-Q2',
    );
    const row = behaviourTable(stacks, t, 'nl').rows[0];
    // The four levels, respondents and mean: every number of the row.
    expect(Object.values(row).filter((v) => v === TOO_FEW)).toHaveLength(6);
    expect(Object.keys(row)).not.toContain('notApplicable');
    expect(row.behaviour).toBe('kom afspraken na');
  });
});
