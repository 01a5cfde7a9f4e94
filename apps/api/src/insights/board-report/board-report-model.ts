import type {
  ActionDetail,
  BehaviourDistribution,
  CalendarPeriodKind,
  HeartMonitor,
  KpiReport,
  KpiRow,
  KpiValueInfo,
} from '@wk/contracts';
import {
  fillWords,
  formatNumber,
  isProvisional,
  type Locale,
  localized,
  PYRAMID_LEVELS,
  type PyramidLevel,
  readingText,
  type ValueReading,
  valueReading,
} from '@wk/domain';
import { BOARD_WORDS, type BoardWords } from './board-report-words';

/**
 * The board report as words and numbers, decided before anything is drawn (pure, unit-tested):
 * every number formatted in the reader's language with its sign, every provisional or withheld
 * figure named as such. board-report-pdf.ts only lays this out.
 */

/** Colour of a figure: a verdict, no data, or provisional (neutral, never a verdict colour). */
export type Tone = 'on_target' | 'near' | 'below' | 'no_data' | 'provisional';

export interface BoardReportInput {
  locale: Locale;
  organisation: string;
  team: string | null;
  /** The value the report is filtered on, if any. */
  value: KpiValueInfo | null;
  kind: CalendarPeriodKind;
  at: string;
  /** `YYYY-MM-DD` in the organisation's time zone. */
  today: string;
  /** The report's group (the organisation or the filter team) over the trend periods, ending at `at`. */
  report: KpiReport;
  /** Per touchpoint rows of `at` (for the lowest touchpoint in the readings). */
  touchpoints: KpiRow[];
  behaviours: BehaviourDistribution[];
  heart: HeartMonitor | null;
  actions: ActionDetail[];
  /** Actions of the period not listed (the page has room for a few). */
  moreActions: number;
}

export interface TileModel {
  key: string;
  name: string;
  level: PyramidLevel;
  tone: Tone;
  statusText: string;
  grade: string;
  index: string;
  interval: string;
  self: string;
  gap: string | null;
  change: string | null;
  target: number;
  targetText: string;
  /** Customer grade per trend period, oldest first; the last is `at`. */
  trend: (number | null)[];
  /** The interval of `at`, for the bar on the last point. */
  low: number | null;
  high: number | null;
}

export interface HeartPointModel {
  name: string;
  grade: number | null;
  label: string;
  provisional: boolean;
  peak: boolean;
  dip: boolean;
  momentOfTruth: boolean;
}

export interface ActionRowModel {
  what: string;
  cell: string;
  owner: string;
  due: string;
  status: string;
  effect: string;
}

export interface BoardReportModel {
  words: BoardWords;
  title: string;
  subtitle: string;
  pyramid: { level: PyramidLevel; label: string; chips: { name: string; tone: Tone; text: string }[] }[];
  tiles: TileModel[];
  tilesNote: string;
  readings: { heading: string; text: string; tone: 'blind_spot' | 'hidden_strength' }[];
  facts: string[];
  heart: { title: string; points: HeartPointModel[] } | { title: string; empty: string };
  actions: ActionRowModel[];
  /** Actions of the period left out before drawing (the drawing may leave out more to fit the page). */
  moreActions: number;
  footer: string;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** "Q3 2026", "september 2026" / "September 2026". */
export function periodName(key: string, locale: Locale): string {
  const quarter = QUARTER.exec(key);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const month = MONTH.exec(key);
  if (!month) return key;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
}

/** "4 december 2026" / "4 December 2026". */
export function dateName(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}

const valueName = (v: Pick<KpiValueInfo, 'name' | 'nameEn'>, locale: Locale) =>
  localized(v.name, v.nameEn, locale);

/** The tone of a row: provisional below the reliability minimum (with some answers), else its status. */
export function toneOf(row: KpiRow | undefined, reliabilityMinimum: number): Tone {
  const n = row?.customer?.n ?? 0;
  if (n > 0 && isProvisional(n, reliabilityMinimum)) return 'provisional';
  return row?.status ?? 'no_data';
}

function tile(input: BoardReportInput, value: KpiValueInfo, w: BoardWords): TileModel {
  const { report, at, locale } = input;
  const row = report.rows.find((r) => r.period === at && r.valueKey === value.key);
  const tone = toneOf(row, report.reliabilityMinimum);
  const grade = row?.customer?.grade;
  const n = row?.customer?.n ?? 0;
  const num = (v: number, kind: 'grade' | 'index' | 'gap' | 'self') => formatNumber(v, kind, locale);
  const self = row?.self;
  const selfText = !self
    ? w.selfNone
    : self.suppressed
      ? w.selfTooFew
      : self.index === null
        ? w.selfNone
        : fillWords(w.self, { index: num(self.index, 'index') });
  let gap: string | null = null;
  if (row?.gap !== null && row?.gap !== undefined) {
    const signed = fillWords(w.gap, { gap: num(row.gap, 'gap') });
    // A provisional gap is a number, not a verdict: no label.
    gap = tone === 'provisional' || !row.gapLabel ? signed : `${signed} · ${w.gapLabels[row.gapLabel]}`;
  }
  const index = report.periods.indexOf(at);
  const previous = index > 0 ? report.periods[index - 1] : null;
  const change = row?.change.customer;
  return {
    key: value.key,
    name: valueName(value, locale),
    level: value.level,
    tone,
    statusText: tone === 'provisional' ? fillWords(w.provisional, { n }) : w.status[tone],
    grade: grade?.mean === null || grade?.mean === undefined ? '–' : num(grade.mean, 'grade'),
    index:
      row?.customer?.index === null || row?.customer?.index === undefined
        ? ''
        : fillWords(w.index, { index: num(row.customer.index, 'index') }),
    interval:
      !grade || grade.mean === null
        ? ''
        : grade.low === null || grade.high === null
          ? w.intervalUndefined
          : fillWords(w.interval, { low: num(grade.low, 'grade'), high: num(grade.high, 'grade') }),
    self: selfText,
    gap,
    change:
      change && previous && tone !== 'provisional'
        ? fillWords(w.change, {
            difference: formatNumber(change.difference, 'grade', locale, true),
            period: periodName(previous, locale),
          })
        : null,
    target: row?.target ?? value.target,
    targetText: fillWords(w.target, { target: num(row?.target ?? value.target, 'grade') }),
    trend: report.periods
      .slice(0, index + 1)
      .map(
        (p) =>
          report.rows.find((r) => r.period === p && r.valueKey === value.key)?.customer?.grade.mean ?? null,
      ),
    low: grade?.low ?? null,
    high: grade?.high ?? null,
  };
}

/** The value's reading (libs/domain guidance) and its size: how far customers and employees are apart. */
function readings(input: BoardReportInput): { value: KpiValueInfo; reading: ValueReading; gap: number }[] {
  const { report, at } = input;
  const limits = { anonymityMinimum: report.minimum, reliabilityMinimum: report.reliabilityMinimum };
  return report.values.map((value) => {
    const reading = valueReading(
      report.rows.find((r) => r.period === at && r.valueKey === value.key),
      input.touchpoints.filter((r) => r.period === at && r.valueKey === value.key),
      input.behaviours.filter((b) => b.period === at && b.valueKey === value.key),
      limits,
    );
    const gap =
      reading.customerIndex !== null && reading.selfIndex !== null
        ? reading.customerIndex - reading.selfIndex
        : 0;
    return { value, reading, gap };
  });
}

function heart(input: BoardReportInput, w: BoardWords): BoardReportModel['heart'] {
  const period = periodName(input.at, input.locale);
  if (!input.heart || !input.heart.points.length)
    return { title: fillWords(w.heart, { journey: '' }).trim(), empty: fillWords(w.heartNone, { period }) };
  return {
    title: fillWords(w.heart, { journey: localized(input.heart.name, input.heart.nameEn, input.locale) }),
    points: input.heart.points.map((p) => {
      // Below the anonymity minimum the api gives no mean: the line has a hole there.
      const shown = p.state === 'reliable' || p.state === 'provisional' ? p.grade.mean : null;
      const provisional = p.state === 'provisional';
      return {
        name: localized(p.name, p.nameEn, input.locale),
        grade: shown,
        label:
          shown === null
            ? '–'
            : // The average pools every value's grades, so its n is no count of customers: no n here.
              `${formatNumber(shown, 'grade', input.locale)}${provisional ? ` ${w.provisionalShort}` : ''}`,
        provisional,
        peak: p.peak,
        dip: p.dip,
        momentOfTruth: p.momentOfTruth,
      };
    }),
  };
}

function actionRow(a: ActionDetail, input: BoardReportInput, w: BoardWords): ActionRowModel {
  const { locale } = input;
  const group =
    a.cell.teamName ??
    (a.cell.journeyName !== null ? localized(a.cell.journeyName, a.cell.journeyNameEn, locale) : null) ??
    (a.cell.touchpointName !== null
      ? localized(a.cell.touchpointName, a.cell.touchpointNameEn, locale)
      : null);
  const cell = [
    localized(a.cell.valueName, a.cell.valueNameEn, locale),
    group,
    periodName(a.cell.period, locale),
  ]
    .filter(Boolean)
    .join(' · ');
  const e = a.effect;
  let effect: string;
  if (e.state === 'pending') effect = fillWords(w.pending, { period: periodName(e.after, locale) });
  else {
    const scale = a.cell.metric === 'self' ? 'self' : 'grade';
    effect =
      e.verdict !== 'insufficient' && e.difference !== null
        ? `${w.verdicts[e.verdict]} (${formatNumber(e.difference, scale, locale, true)})`
        : w.verdicts[e.verdict];
  }
  return {
    what: a.what,
    cell: `${a.focusTitle} · ${cell}`,
    owner: a.owner.name,
    due: dateName(a.dueDate, locale),
    status: w.actionStatus[a.status],
    effect,
  };
}

export function boardReportModel(input: BoardReportInput): BoardReportModel {
  const { report, at, locale } = input;
  const w = BOARD_WORDS[locale];
  const period = periodName(at, locale);
  const tiles = report.values.map((v) => tile(input, v, w));

  const all = readings(input);
  const text = (r: (typeof all)[number]) =>
    readingText(
      r.reading,
      {
        valueName: valueName(r.value, locale),
        grade:
          report.rows.find((x) => x.period === at && x.valueKey === r.value.key)?.customer?.grade.mean ??
          null,
        target: r.value.target,
        reliabilityMinimum: report.reliabilityMinimum,
      },
      locale,
    );
  const largest = (kind: 'blindSpot' | 'hiddenStrength', sign: number) =>
    all.filter((r) => r.reading.kind === kind).sort((a, b) => sign * (b.gap - a.gap))[0];
  const blind = largest('blindSpot', -1);
  const strength = largest('hiddenStrength', 1);

  const nps = report.nps.find((r) => r.period === at);
  const participation = report.participation.find((r) => r.period === at);
  const facts: string[] = [];
  if (nps && nps.n > 0)
    facts.push(
      isProvisional(nps.n, report.reliabilityMinimum) || nps.nps === null
        ? fillWords(w.npsProvisional, { n: nps.n, minimum: report.reliabilityMinimum })
        : fillWords(w.nps, { nps: formatNumber(nps.nps, 'gap', locale), n: nps.n }),
    );
  if (participation && participation.invited > 0 && participation.rate !== null)
    facts.push(
      fillWords(w.participation, {
        rate: formatNumber(participation.rate, 'share', locale),
        completed: participation.completed,
        invited: participation.invited,
      }),
    );

  const scope = [
    input.organisation,
    ...(input.team ? [fillWords(w.team, { name: input.team })] : []),
    ...(input.value ? [fillWords(w.value, { name: valueName(input.value, locale) })] : []),
    fillWords(w.generated, { date: dateName(input.today, locale) }),
  ];
  return {
    words: w,
    title: fillWords(w.title, { period }),
    subtitle: scope.join(' · '),
    pyramid: [...PYRAMID_LEVELS].reverse().map((level) => ({
      level,
      label: w.levels[level],
      chips: tiles
        .filter((t) => t.level === level)
        .map((t) => ({
          name: t.name,
          tone: t.tone,
          text: t.grade === '–' ? t.statusText : `${t.grade} · ${t.statusText}`,
        })),
    })),
    tiles,
    tilesNote: fillWords(w.tilesNote, {
      kind: locale === 'en' ? input.kind : input.kind === 'quarter' ? 'kwartaal' : 'maand',
    }),
    readings: [
      {
        heading: w.blindSpot,
        text: blind ? text(blind) : fillWords(w.noBlindSpot, { period }),
        tone: 'blind_spot',
      },
      {
        heading: w.hiddenStrength,
        text: strength ? text(strength) : fillWords(w.noHiddenStrength, { period }),
        tone: 'hidden_strength',
      },
    ],
    facts,
    heart: heart(input, w),
    actions: input.actions.map((a) => actionRow(a, input, w)),
    moreActions: input.moreActions,
    footer: fillWords(w.footer, { reliability: report.reliabilityMinimum, minimum: report.minimum }),
  };
}
