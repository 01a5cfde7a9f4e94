import { CronExpressionParser } from 'cron-parser';
import { roundClosesAt } from '@wk/domain';
import {
  BEHAVIOUR_OFFSET,
  COMMENT_SHARE,
  COMMENTS,
  COMPLETION,
  CUSTOMER_PROFILE,
  DONT_KNOW,
  ENGLISH_SHARE,
  HISTORY_QUARTERS,
  HISTORY_SEED,
  MAIN_SEGMENT_SHARE,
  NOT_APPLICABLE,
  OPEN_SHARE,
  RESPONSE_RATE,
  RESPONSES_PER_QUARTER,
  SELF_EXAMPLE_SHARE,
  SELF_EXAMPLES,
  SELF_PROFILE,
  SMALL_TEAM,
  SMALL_TEAM_COMPLETED,
  TEAM_SELF,
  TOUCHPOINT_EFFECT,
  TOUCHPOINT_WEIGHT,
} from './demo-history-data';
import { Dice } from './demo-random';

/**
 * The demo organisation's past year, as plain data: quarterly self-assessment rounds and customer
 * responses to the repair survey, generated from the story in demo-history-data.ts. Pure and
 * deterministic: the same numbers on every start; only the dates follow `now`.
 */

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

export interface HistoryInput {
  now: Date;
  /** The cycle's cadence: rounds open at its last firings whose window has closed. */
  cron: string;
  timeZone: string;
  windowDays: number;
  /** Everyone invited, in a fixed order; `key` names the person (e-mail). */
  people: { key: string; team: string; alwaysCompletes?: boolean }[];
  values: { key: string; behaviours: string[] }[];
  /** The serving team of each touchpoint of the journey, by position. */
  touchpointTeams: (string | null)[];
  /** Segment names: the survey's own first. */
  segments: [main: string, other: string];
}

export interface HistoryInvitation {
  person: string;
  team: string;
  completedAt: Date | null;
  answers: { behaviour: string; level: number | null }[];
  example: { value: string; text: string } | null;
}

export interface HistoryRound {
  opensAt: Date;
  closesAt: Date;
  invitations: HistoryInvitation[];
}

/** Who a customer was asked for: touchpoint by position (null: open link), serving team, segment. */
export interface CustomerContext {
  touchpoint: number | null;
  team: string | null;
  segment: string;
  locale: 'nl' | 'en';
}

export interface HistoryWave {
  opensAt: Date;
  closesAt: Date;
  invitations: (CustomerContext & { openedAt: Date | null; answeredAt: Date | null })[];
}

export interface HistoryResponse extends CustomerContext {
  /** Index into `waves`; null for the open link. */
  wave: number | null;
  channel: 'email' | 'open';
  grades: Record<string, number | null>;
  nps: number;
  comment: string | null;
  submittedAt: Date;
}

export interface DemoHistory {
  rounds: HistoryRound[];
  waves: HistoryWave[];
  responses: HistoryResponse[];
}

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

/** The last `count` firings of the cadence whose answer window has closed by `now`, oldest first. */
export function pastFirings(now: Date, cron: string, timeZone: string, windowDays: number, count: number) {
  const schedule = CronExpressionParser.parse(cron, { tz: timeZone, currentDate: now });
  const firings: Date[] = [];
  while (firings.length < count) {
    const at = schedule.prev().toDate();
    if (roundClosesAt(at, windowDays) <= now) firings.unshift(at);
  }
  return firings;
}

/**
 * A moment inside [opensAt, closesAt): most answer in the first days, more after the reminder on
 * day 7 and the day before the deadline, between 08:00 and 22:00 local time (opensAt is 09:00 or later).
 */
function momentIn(d: Dice, opensAt: Date, closesAt: Date): Date {
  const days = Math.floor((closesAt.getTime() - opensAt.getTime()) / DAY);
  const r = d.next();
  const day =
    r < 0.5
      ? Math.floor(d.next() ** 2 * 4)
      : r < 0.75
        ? 7 + Math.floor(d.next() * 2)
        : r < 0.85
          ? days - 1
          : Math.floor(d.next() * days);
  let at = opensAt.getTime() + day * DAY + (d.next() * 14 - 1) * HOUR;
  if (at <= opensAt.getTime()) at = opensAt.getTime() + (0.2 + d.next() * 10) * HOUR;
  return new Date(Math.min(at, closesAt.getTime() - HOUR));
}

function selfRounds(input: HistoryInput, firings: Date[], d: Dice): HistoryRound[] {
  // A person's own tendency, overall and per value, stays with them from quarter to quarter.
  const personal = new Map(
    input.people.map((p) => {
      const all = d.normal(0.15);
      return [p.key, new Map(input.values.map((v) => [v.key, all + d.normal(0.25)]))];
    }),
  );
  const teams = [...new Set(input.people.map((p) => p.team))];
  return firings.map((opensAt, q) => {
    const closesAt = roundClosesAt(opensAt, input.windowDays);
    // Who completes: a fixed share of each team (those who always do first), the rest by lot.
    const completing = new Set<string>();
    for (const team of teams) {
      const members = input.people.filter((p) => p.team === team);
      const rate = Math.min(1, (COMPLETION[team] ?? 0.85) + 0.02 * q);
      const count = team === SMALL_TEAM ? (SMALL_TEAM_COMPLETED[q] ?? 3) : Math.round(members.length * rate);
      const ordered = [
        ...members.filter((p) => p.alwaysCompletes),
        ...d.shuffle(members.filter((p) => !p.alwaysCompletes)),
      ];
      for (const person of ordered.slice(0, count)) completing.add(person.key);
    }
    const invitations = input.people.map((person): HistoryInvitation => {
      if (!completing.has(person.key))
        return { person: person.key, team: person.team, completedAt: null, answers: [], example: null };
      const team = TEAM_SELF[person.team];
      const answers = input.values.flatMap((value) => {
        const profile = SELF_PROFILE[value.key] ?? { base: 3, drift: 0.03 };
        const mean =
          profile.base +
          profile.drift * q +
          (team?.all ?? 0) +
          (team?.values?.[value.key] ?? 0) +
          (personal.get(person.key)?.get(value.key) ?? 0);
        return value.behaviours.map((behaviour) => ({
          behaviour,
          level: d.chance(NOT_APPLICABLE)
            ? null
            : clamp(Math.round(mean + (BEHAVIOUR_OFFSET[behaviour] ?? 0) + d.normal(0.45)), 1, 4),
        }));
      });
      const exampleValue = d.pick(input.values).key;
      const example =
        d.chance(SELF_EXAMPLE_SHARE) && SELF_EXAMPLES[exampleValue]
          ? { value: exampleValue, text: d.pick(SELF_EXAMPLES[exampleValue]) }
          : null;
      return {
        person: person.key,
        team: person.team,
        completedAt: momentIn(d, opensAt, closesAt),
        answers,
        example,
      };
    });
    return { opensAt, closesAt, invitations };
  });
}

/** One customer's answers: a mood shared by all values, the touchpoint's effect, the value's profile. */
function respond(d: Dice, input: HistoryInput, q: number, context: CustomerContext) {
  const effect = context.touchpoint === null ? 0 : (TOUCHPOINT_EFFECT[context.touchpoint] ?? 0);
  const mood = d.normal(0.9);
  const grades: Record<string, number | null> = {};
  for (const { key } of input.values) {
    const profile = CUSTOMER_PROFILE[key] ?? { base: 7.5, drift: 0.05 };
    grades[key] = d.chance(DONT_KNOW)
      ? null
      : clamp(Math.round(profile.base + profile.drift * q + effect + mood + d.normal(1)), 1, 10);
  }
  const nps = clamp(Math.round(7.4 + 0.1 * q + 0.8 * effect + 1.5 * mood + d.normal(1.4)), 0, 10);
  const scored = Object.values(grades).filter((g): g is number => g !== null);
  const tone = scored.reduce((a, b) => a + b, 0) / Math.max(1, scored.length) >= 7 ? 'good' : 'bad';
  const fitting = COMMENTS.filter(
    (c) =>
      c.tone === tone &&
      (c.locale ?? 'nl') === context.locale &&
      (c.touchpoint === null || c.touchpoint === context.touchpoint),
  );
  const comment = fitting.length && d.chance(COMMENT_SHARE) ? d.pick(fitting).text : null;
  return { grades, nps, comment };
}

function customerContext(d: Dice, input: HistoryInput, open: boolean): CustomerContext {
  // The open link carries the survey's own context: its segment, no touchpoint and no team.
  const touchpoint = open ? null : d.weighted(TOUCHPOINT_WEIGHT.slice(0, input.touchpointTeams.length));
  return {
    touchpoint,
    team: touchpoint === null ? null : (input.touchpointTeams[touchpoint] ?? null),
    segment: open || d.chance(MAIN_SEGMENT_SHARE) ? input.segments[0] : input.segments[1],
    locale: d.chance(ENGLISH_SHARE) ? 'en' : 'nl',
  };
}

function customerWaves(input: HistoryInput, firings: Date[], d: Dice) {
  const waves: HistoryWave[] = [];
  const responses: HistoryResponse[] = [];
  for (const [q, firing] of firings.entries()) {
    // The contact upload goes out the morning the employees' round opens.
    const opensAt = new Date(firing.getTime() + HOUR);
    const closesAt = roundClosesAt(opensAt, input.windowDays);
    const wave: HistoryWave = { opensAt, closesAt, invitations: [] };
    const total = (RESPONSES_PER_QUARTER[q] ?? 200) + Math.round(d.normal(6));
    for (let i = 0; i < total; i++) {
      const open = d.chance(OPEN_SHARE);
      const context = customerContext(d, input, open);
      const submittedAt = momentIn(d, opensAt, closesAt);
      responses.push({
        ...context,
        ...respond(d, input, q, context),
        wave: open ? null : waves.length,
        channel: open ? 'open' : 'email',
        submittedAt,
      });
      if (!open) {
        const openedAt = new Date(submittedAt.getTime() - (1 + d.next() * 10) * 60_000);
        wave.invitations.push({ ...context, openedAt, answeredAt: submittedAt });
      }
    }
    const invited = Math.round(wave.invitations.length / RESPONSE_RATE);
    while (wave.invitations.length < invited) {
      const context = customerContext(d, input, false);
      const openedAt = d.chance(0.2) ? momentIn(d, opensAt, closesAt) : null;
      wave.invitations.push({ ...context, openedAt, answeredAt: null });
    }
    waves.push(wave);
  }
  return { waves, responses };
}

export function generateHistory(input: HistoryInput): DemoHistory {
  const firings = pastFirings(input.now, input.cron, input.timeZone, input.windowDays, HISTORY_QUARTERS);
  const rounds = selfRounds(input, firings, new Dice(HISTORY_SEED));
  return { rounds, ...customerWaves(input, firings, new Dice(HISTORY_SEED + 1)) };
}
