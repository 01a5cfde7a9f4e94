import {
  focusCells,
  type GuidanceBehaviour,
  type GuidanceRow,
  isProvisional,
  type ReadingKind,
  valueReading,
} from './guidance';
import { recognitionIndex } from './scoring/customer';
import { selfIndex } from './scales';

const limits = { anonymityMinimum: 5, reliabilityMinimum: 30 };

interface Spec {
  value?: string;
  group?: string;
  kind?: string;
  /** Self score 1-4 with half-width of its interval, n; 'hidden' = suppressed. */
  self?: { score: number; width?: number; n?: number } | 'hidden';
  /** Customer grade 1-10 with half-width, n. */
  grade?: { mean: number; width?: number; n?: number };
  status?: GuidanceRow['status'];
  customerChange?: { difference: number; significant: boolean };
  selfChange?: { difference: number; significant: boolean };
}

/** A KPI row as the api gives it, built from a few numbers. */
function row(s: Spec): GuidanceRow {
  const self =
    s.self === 'hidden'
      ? ({ suppressed: true } as const)
      : s.self
        ? {
            suppressed: false as const,
            n: s.self.n ?? 20,
            index: selfIndex(s.self.score),
            score: {
              n: s.self.n ?? 20,
              mean: s.self.score,
              low: s.self.score - (s.self.width ?? 0.1),
              high: s.self.score + (s.self.width ?? 0.1),
            },
          }
        : null;
  const customer = s.grade
    ? {
        n: s.grade.n ?? 100,
        index: recognitionIndex(s.grade.mean),
        grade: {
          n: s.grade.n ?? 100,
          mean: s.grade.mean,
          low: s.grade.mean - (s.grade.width ?? 0.2),
          high: s.grade.mean + (s.grade.width ?? 0.2),
        },
      }
    : null;
  return {
    valueKey: s.value ?? 'betrouwbaar',
    group: { kind: s.kind ?? 'organisation', id: s.group ?? null, name: s.group ?? 'Organisatie' },
    self,
    customer,
    status: s.status ?? 'on_target',
    change: { customer: s.customerChange ?? null, self: s.selfChange ?? null },
  };
}

const tp = (name: string, mean: number, n = 100) =>
  row({ kind: 'touchpoint', group: name, grade: { mean, n } });
const beh = (key: string, mean: number | null, respondents = 20, suppressed: string | null = null) =>
  ({
    behaviourKey: key,
    text: `tekst ${key}`,
    textEn: `text ${key}`,
    mean,
    respondents,
    suppressed,
  }) as GuidanceBehaviour;

describe('valueReading', () => {
  // self 3.46 → index 82; grade 5.95 → index 55: the example.
  const cases: [string, Spec | undefined, ReadingKind][] = [
    ['no row at all', undefined, 'tooFewAnswers'],
    ['no customer side', { self: { score: 3.46 } }, 'tooFewAnswers'],
    [
      'customers below the reliability minimum (29)',
      { self: { score: 3.46 }, grade: { mean: 5.95, n: 29 } },
      'tooFewAnswers',
    ],
    [
      'blind spot at the reliability minimum (30)',
      { self: { score: 3.46 }, grade: { mean: 5.95, n: 30 } },
      'blindSpot',
    ],
    ['blind spot', { self: { score: 3.46 }, grade: { mean: 5.95 }, status: 'below' }, 'blindSpot'],
    ['hidden strength', { self: { score: 2 }, grade: { mean: 8.5 } }, 'hiddenStrength'],
    ['gap of exactly 10 is aligned', { self: { score: 2.5 }, grade: { mean: 4.6 } }, 'aligned'],
    [
      'aligned but below target',
      { self: { score: 2.5 }, grade: { mean: 5.5 }, status: 'below' },
      'belowTarget',
    ],
    ['aligned on target', { self: { score: 3.4 }, grade: { mean: 8.2 } }, 'aligned'],
    [
      'employees hidden, below target',
      { self: 'hidden', grade: { mean: 5 }, status: 'below' },
      'belowTarget',
    ],
    ['employees hidden, on target', { self: 'hidden', grade: { mean: 8 } }, 'onTarget'],
    [
      'employees below the anonymity minimum never make a gap',
      { self: { score: 1, n: 4 }, grade: { mean: 9 } },
      'onTarget',
    ],
  ];
  it.each(cases)('%s', (_name, spec, kind) => {
    const reading = valueReading(spec && row(spec), [], [], limits);
    expect(reading.kind).toBe(kind);
  });

  it('gives the issue example: employees 82, customers 55, lowest touchpoint and weakest behaviour', () => {
    const reading = valueReading(
      row({ self: { score: 3.46 }, grade: { mean: 5.95 } }),
      [tp('Offerte', 6.8), tp('Bevestiging', 4.9), tp('Levering', 6.1), tp('Nazorg', 2, 12)],
      [beh('afspraken', 2.1), beh('eerlijk', 3.0), beh('klein', 1.0, 3), beh('geheim', null, 2, 'too_few')],
      limits,
    );
    expect(reading).toEqual({
      kind: 'blindSpot',
      selfIndex: expect.closeTo(82, 0),
      customerIndex: expect.closeTo(55, 0),
      customerN: 100,
      // Nazorg is lower but has 12 answers; 'klein' is lower but below the anonymity minimum.
      lowestTouchpoint: { id: 'Bevestiging', name: 'Bevestiging', grade: 4.9, n: 100 },
      weakestBehaviour: { key: 'afspraken', text: 'tekst afspraken', textEn: 'text afspraken', mean: 2.1 },
    });
  });

  it.each([
    ['one usable touchpoint names none', [tp('A', 5), tp('B', 3, 10)], undefined],
    ['two usable touchpoints name the lower', [tp('A', 5), tp('B', 6)], 'A'],
    ['none', [], undefined],
  ])('touchpoints: %s', (_n, tps, expected) => {
    const reading = valueReading(row({ grade: { mean: 7 } }), tps, [], limits);
    expect(reading.lowestTouchpoint?.name).toBe(expected);
  });
});

describe('focusCells', () => {
  const team = (name: string, spec: Spec) => row({ ...spec, kind: 'team', group: name });
  const cases: [string, GuidanceRow[], string[]][] = [
    ['nothing solid: empty', [team('A', { self: { score: 3 }, grade: { mean: 7.5 } })], []],
    [
      'a blind spot with overlapping intervals is not solid',
      [team('A', { self: { score: 3.46, width: 0.6 }, grade: { mean: 5.95, width: 1.5 } })],
      [],
    ],
    ['a solid blind spot', [team('A', { self: { score: 3.46 }, grade: { mean: 5.95 } })], ['A:blindSpot']],
    [
      'a solid hidden strength',
      [team('A', { self: { score: 2 }, grade: { mean: 8.5 } })],
      ['A:hiddenStrength'],
    ],
    [
      'customers below the reliability minimum never count',
      [team('A', { self: { score: 3.46 }, grade: { mean: 5.95, n: 12 } })],
      [],
    ],
    ['suppressed employees make no gap', [team('A', { self: 'hidden', grade: { mean: 3 } })], []],
    [
      'a significant customer drop',
      [team('A', { grade: { mean: 7 }, customerChange: { difference: -0.9, significant: true } })],
      ['A:customerDrop'],
    ],
    [
      'a drop that is not significant is no focus',
      [team('A', { grade: { mean: 7 }, customerChange: { difference: -2, significant: false } })],
      [],
    ],
    [
      'a significant rise is no focus',
      [team('A', { grade: { mean: 7 }, customerChange: { difference: 1, significant: true } })],
      [],
    ],
    [
      'a significant self drop (journeys have no self side)',
      [team('A', { self: { score: 3 }, selfChange: { difference: -0.5, significant: true } })],
      ['A:selfDrop'],
    ],
    [
      'largest first, at most three, one per cell',
      [
        team('A', { self: { score: 3.46 }, grade: { mean: 5.95 } }), // gap 27
        team('B', { self: { score: 3.9 }, grade: { mean: 5 } }), // gap 52
        team('C', { grade: { mean: 7 }, customerChange: { difference: -1.8, significant: true } }), // drop 20
        team('D', { self: { score: 3.2 }, grade: { mean: 6.4 } }), // gap 13
        row({
          kind: 'journey',
          group: 'J',
          grade: { mean: 6 },
          customerChange: { difference: -3, significant: true },
        }), // 33
      ],
      ['B:blindSpot', 'J:customerDrop', 'A:blindSpot'],
    ],
    [
      'a cell with both a gap and a drop keeps the larger reason',
      [
        team('A', {
          self: { score: 3.46 },
          grade: { mean: 5.95 },
          customerChange: { difference: -4, significant: true },
        }),
      ],
      ['A:customerDrop'],
    ],
  ];
  it.each(cases)('%s', (_name, rows, expected) => {
    expect(focusCells(rows, limits).map((c) => `${c.group.name}:${c.reason}`)).toEqual(expected);
  });

  it('never picks a cell below either minimum (generated cells)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const rows = Array.from({ length: 8 }, (_, i) =>
        team(`T${i}`, {
          self: { score: 1 + rand() * 3, n: Math.floor(rand() * 12), width: rand() * 0.5 },
          grade: { mean: 1 + rand() * 9, n: Math.floor(rand() * 60), width: rand() },
          customerChange: { difference: rand() * 4 - 2, significant: rand() > 0.5 },
          selfChange: { difference: rand() * 2 - 1, significant: rand() > 0.5 },
        }),
      );
      const picked = focusCells(rows, limits);
      expect(picked.length).toBeLessThanOrEqual(3);
      for (const cell of picked) {
        const source = rows.find((r) => r.group.name === cell.group.name);
        const self = source?.self && !source.self.suppressed ? source.self : null;
        if (cell.reason === 'selfDrop') expect(self?.n).toBeGreaterThanOrEqual(5);
        else expect(source?.customer?.n).toBeGreaterThanOrEqual(30);
        if (cell.reason === 'blindSpot' || cell.reason === 'hiddenStrength')
          expect(self?.n).toBeGreaterThanOrEqual(5);
      }
      const sizes = picked.map((c) => c.size);
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    }
  });
});

describe('isProvisional', () => {
  it.each([
    [0, 30, true],
    [29, 30, true],
    [30, 30, false],
    [3, 30, true],
    [3, 3, false],
  ])('n=%i minimum=%i → %s', (n, minimum, expected) => {
    expect(isProvisional(n, minimum)).toBe(expected);
  });
});
