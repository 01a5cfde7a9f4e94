import { action, boardInput, report, row, value } from './board-report-fixture';
import { boardReportModel, periodName } from './board-report-model';

describe('board report model (what the PDF says, before drawing)', () => {
  it('names the main blind spot and hidden strength with the dashboard reading, in Dutch', () => {
    const m = boardReportModel(boardInput());
    expect(m.title).toBe('Bestuursrapport Q3 2026');
    expect(m.readings.map((r) => [r.heading, r.text])).toEqual([
      ['Grootste blinde vlek', 'Betrouwbaar is een blinde vlek: medewerkers 82, klanten 55.'],
      ['Grootste verborgen kracht', 'Gemakkelijk is een verborgen kracht: klanten 80, medewerkers 60.'],
    ]);
  });

  it('says the same in English, with English value names and decimal points', () => {
    const m = boardReportModel(boardInput({ locale: 'en' }));
    expect(m.title).toBe('Board report Q3 2026');
    expect(m.readings[0].text).toBe('Betrouwbaar EN is a blind spot: employees 82, customers 55.');
    expect(m.tiles[0]).toMatchObject({ name: 'Betrouwbaar EN', grade: '6.0', interval: '95%: 5.6 – 6.4' });
  });

  it('signs gaps and changes (+20, −27, +0,4), with the Dutch decimal comma', () => {
    const [reliable, easy] = boardReportModel(boardInput()).tiles;
    expect(reliable).toMatchObject({
      grade: '6,0',
      index: 'index 55',
      interval: '95%: 5,6 – 6,4',
      self: 'zelfbeeld 82',
      gap: 'kloof −27 · blinde vlek',
      change: '+0,4 t.o.v. Q2 2026',
      statusText: 'onder doel',
      tone: 'below',
    });
    expect(easy.gap).toBe('kloof +20 · verborgen kracht');
    expect(easy.tone).toBe('on_target');
  });

  it('shows a figure of 3 answers as provisional: neutral tone, n named, no verdict on its gap or change', () => {
    const provisional = boardReportModel(boardInput()).tiles[2];
    expect(provisional).toMatchObject({ tone: 'provisional', statusText: 'voorlopig (n = 3)', change: null });
    expect(provisional.gap).toBe('kloof −31');
    const chip = boardReportModel(boardInput()).pyramid.find((l) => l.level === 'persoonlijk')!.chips[0];
    expect(chip).toEqual({ name: 'Persoonlijk', tone: 'provisional', text: '4,5 · voorlopig (n = 3)' });
  });

  it('says there is no blind spot when every value is too small or aligned, and names a withheld self-image', () => {
    const values = [value('betrouwbaar', 'basis')];
    const m = boardReportModel(
      boardInput({
        report: report(values, [row('2026-Q3', 'betrouwbaar', { grade: 6, n: 4, selfIndex: null })]),
      }),
    );
    expect(m.readings[0].text).toBe(
      'Geen waarde is in Q3 2026 een blinde vlek (of nog niet genoeg antwoorden om dat te zeggen).',
    );
    expect(m.tiles[0].self).toBe('zelfbeeld: te weinig antwoorden');
    expect(m.tiles[0].trend).toEqual([null, null, 6]);
  });

  it('puts the pyramid top (verrassend) first and each value on its level', () => {
    const m = boardReportModel(boardInput());
    expect(m.pyramid.map((l) => [l.level, l.chips.map((c) => c.name)])).toEqual([
      ['verrassend', []],
      ['persoonlijk', ['Persoonlijk']],
      ['gemak', ['Gemakkelijk']],
      ['basis', ['Betrouwbaar']],
    ]);
  });

  it('words each action with its cell, status and effect (pending, measured with a signed difference)', () => {
    const nl = boardReportModel(boardInput()).actions;
    expect(nl).toEqual([
      {
        what: 'Elke klant binnen een dag terugbellen',
        cell: 'Afspraken nakomen · Betrouwbaar · Klantenservice · Q2 2026',
        owner: 'Sanne de Vries',
        due: '15 jul 2026',
        status: 'bezig',
        effect: 'gemeten na Q1 2027',
      },
      expect.objectContaining({ status: 'afgerond', effect: 'verbeterd (+0,7)' }),
    ]);
    const verdicts = (['no_change', 'worse', 'insufficient'] as const).map(
      (verdict) =>
        boardReportModel(
          boardInput({
            locale: 'en',
            actions: [
              action('x', {
                effect: {
                  state: 'measured',
                  before: '2026-Q1',
                  after: '2026-Q3',
                  beforeMean: 3,
                  afterMean: 2.9,
                  beforeN: 40,
                  afterN: 40,
                  verdict,
                  difference: verdict === 'insufficient' ? null : -0.1,
                  p: 0.3,
                },
                cell: { ...action('x').cell, metric: 'self' },
              }),
            ],
          }),
        ).actions[0].effect,
    );
    expect(verdicts).toEqual(['no measurable change (−0.10)', 'worse (−0.10)', 'too few answers']);
  });

  it('marks the heart monitor: provisional points open, withheld points a hole', () => {
    const heart = boardReportModel(boardInput()).heart;
    if ('empty' in heart) throw new Error('expected a heart monitor');
    expect(heart.title).toBe('Hartmonitor Verhuizing');
    expect(heart.points.map((p) => [p.name, p.grade, p.label, p.peak, p.dip])).toEqual([
      ['Website', 7.8, '7,8', true, false],
      ['Bevestiging', 5.1, '5,1', false, true],
      ['Bezoek', 7.2, '7,2 voorlopig', false, false],
      ['Nazorg', null, '–', false, false],
    ]);
    const none = boardReportModel(boardInput({ heart: null })).heart;
    expect(none).toEqual({ title: 'Hartmonitor', empty: 'Geen klantreis met klantantwoorden in Q3 2026.' });
  });

  it('names the journey and its touchpoints in English for an English reader, Dutch where none is set', () => {
    const base = boardInput().heart!;
    const english = {
      ...base,
      nameEn: 'Moving house',
      points: base.points.map((p, i) => ({ ...p, nameEn: i === 0 ? 'Web site' : null })),
    };
    const heart = boardReportModel(boardInput({ heart: english, locale: 'en' })).heart;
    if ('empty' in heart) throw new Error('expected a heart monitor');
    expect(heart.title).toContain('Moving house');
    expect(heart.points.map((p) => p.name)).toEqual(['Web site', 'Bevestiging', 'Bezoek', 'Nazorg']);
    const dutch = boardReportModel(boardInput({ heart: english })).heart;
    if ('empty' in dutch) throw new Error('expected a heart monitor');
    expect(dutch.title).toBe('Hartmonitor Verhuizing');
    expect(dutch.points[0].name).toBe('Website');
  });

  it('names periods and the NPS with its sign, provisional below the minimum', () => {
    expect(periodName('2026-09', 'nl')).toBe('september 2026');
    expect(periodName('2026-09', 'en')).toBe('September 2026');
    expect(boardReportModel(boardInput()).facts).toEqual([
      'NPS +12 (n = 80)',
      'Deelname zelfbeoordeling 78% (31 van 40)',
    ]);
    const small = boardInput();
    small.report.nps[0] = { ...small.report.nps[0], n: 3, nps: -100 };
    expect(boardReportModel(small).facts[0]).toBe('NPS voorlopig: 3 antwoorden, minder dan 30');
  });
});
