import { Injectable } from '@nestjs/common';
import { revealsNestedGroup, suppressionPattern } from '@wk/domain';
import type { PatternNode, SuppressionReason } from '@wk/domain';
import {
  EmployeeAnswersRepository,
  type ClosedRound,
  type PersonAnswerRow,
} from './employee-answers.repository';
import {
  KpiRollupReadsRepository,
  type EmployeeKeyKind,
  type PeriodWindow,
} from './kpi-rollup-reads.repository';
import { NONE } from './kpi-rollups.service';
import type { EmployeeSums } from './kpi-stats';

// Other modules (actions) take the cells' sums from this service.
export type { EmployeeSums } from './kpi-stats';

export interface EmployeeCell {
  sums: EmployeeSums;
  /** null: published; else why the cell is hidden (in every request alike). */
  reason: SuppressionReason | null;
}

/** The periods to compute: the plan's read periods and which one a round counts in. */
export interface EmployeePeriods {
  read: string[];
  window: PeriodWindow;
  bucket(rowPeriod: string): string;
  /** Calendar quarters hold months: a quarter is also checked against its months. */
  kind: string;
}

const empty = (): EmployeeSums => ({ n: 0, sum: 0, sumsq: 0, good: 0, role: 0, levels: [0, 0, 0, 0] });
function add(a: EmployeeSums, b: EmployeeSums): void {
  a.n += b.n;
  a.sum += b.sum;
  a.sumsq += b.sumsq;
  a.good += b.good;
  a.role += b.role;
  for (let i = 0; i < 4; i++) a.levels[i] += b.levels[i];
}
const cellKey = (period: string, node: string | null, key: string) => `${period}|${node ?? ''}|${key}`;

type Node = string | null;

/** The cells of one measurement (period × key) per node: sums, and the people when several rounds pool. */
interface Measurement {
  sums: Map<Node, EmployeeSums>;
  people?: Map<Node, Set<string>>;
  pattern: Map<Node, SuppressionReason | null>;
}

/** The team tree with each team's ancestors (the organisation, null, last). */
class Tree {
  readonly nodes: Node[];
  private readonly up = new Map<string, Node[]>();
  constructor(readonly teams: PatternNode[]) {
    const parent = new Map(teams.map((t) => [t.id, t.parentId]));
    for (const t of teams) {
      const chain: Node[] = [t.id];
      for (let p = t.parentId; p && !chain.includes(p); p = parent.get(p) ?? null) chain.push(p);
      chain.push(null);
      this.up.set(t.id, chain);
    }
    this.nodes = [null, ...teams.map((t) => t.id)];
  }
  /** The cells a leaf row counts in: its team and every team above, and the organisation. */
  cellsOf(teamId: string): Node[] {
    return this.up.get(teamId) ?? [null];
  }
  children(node: Node): string[] {
    return this.teams.filter((t) => t.parentId === node).map((t) => t.id);
  }
}

/**
 * Employee aggregates with one suppression pattern per measurement (a value or behaviour in a
 * period), computed over the whole organisation's team tree on every read, so that every request
 * (breakdown, team filter, role, period kind, export) shows a subset of the same published cells.
 * Only closed rounds count. A period that pools several rounds counts each person once (their
 * answers averaged first) and also hides cells that a published round or month inside it would
 * reveal a small group next to (docs/anonymity.md).
 */
@Injectable()
export class EmployeeCellsService {
  constructor(
    private readonly rollups: KpiRollupReadsRepository,
    private readonly answers: EmployeeAnswersRepository,
  ) {}

  async cells(
    organisationId: string,
    minimum: number,
    periods: EmployeePeriods,
    kind: EmployeeKeyKind,
    valueKey?: string,
  ): Promise<EmployeeCells> {
    const read = new Set(periods.read);
    const rounds = (await this.answers.closedRounds(periods.window)).filter((r) =>
      read.has(periods.bucket(periods.window.ids ? r.id : r.month)),
    );
    const byBucket = new Map<string, ClosedRound[]>();
    for (const r of rounds) {
      const bucket = periods.bucket(periods.window.ids ? r.id : r.month);
      byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), r]);
    }
    const single = [...byBucket.values()].filter((rs) => rs.length === 1).map((rs) => rs[0].id);
    const pooled = [...byBucket.values()].filter((rs) => rs.length > 1).flatMap((rs) => rs.map((r) => r.id));
    const [tree, teamRows, personRows] = await Promise.all([
      this.answers.teamTree(organisationId).then((teams) => new Tree(teams)),
      this.rollups.teamCells(organisationId, single, kind, valueKey),
      this.answers.personAnswers(organisationId, pooled, kind, valueKey),
    ]);
    // A reworded behaviour counts under its newest key (its `continues` link), across versions.
    if (kind === 'behaviour') {
      const { lineage } = await this.answers.behaviourHistory(organisationId);
      for (const row of [...teamRows, ...personRows]) row.key = lineage.get(row.key) ?? row.key;
    }
    const out = new Map<string, EmployeeCell>();
    const valueOf = new Map<string, string>();
    for (const row of [...teamRows, ...personRows]) valueOf.set(row.key, row.valueKey);
    const keep = (period: string, key: string, cells: Measurement) => {
      for (const [node, sums] of cells.sums)
        out.set(cellKey(period, node, key), {
          sums,
          reason: cells.pattern.has(node) ? (cells.pattern.get(node) as SuppressionReason | null) : 'too_few',
        });
    };

    for (const [bucket, rs] of byBucket) {
      if (rs.length === 1) {
        const rows = teamRows.filter((r) => r.roundId === rs[0].id);
        for (const key of new Set(rows.map((r) => r.key))) {
          const sums = new Map<Node, EmployeeSums>();
          for (const row of rows)
            if (row.key === key)
              for (const node of tree.cellsOf(row.teamId)) {
                const s = sums.get(node) ?? empty();
                add(s, row);
                sums.set(node, s);
              }
          keep(bucket, key, { sums, pattern: patternOf(tree, sums, minimum) });
        }
        continue;
      }
      const rows = personRows.filter((r) => rs.some((round) => round.id === r.roundId));
      for (const key of new Set(rows.map((r) => r.key))) {
        const ofKey = rows.filter((r) => r.key === key);
        const roundCells = rs.map((round) =>
          pooledMeasurement(
            tree,
            ofKey.filter((r) => r.roundId === round.id),
            rs,
            minimum,
            [],
          ),
        );
        const finer = [...roundCells];
        // A quarter also holds its months: a month of several rounds is checked against them first.
        if (periods.kind === 'quarter')
          for (const month of new Set(rs.map((r) => r.month))) {
            const inMonth = rs.filter((r) => r.month === month);
            if (inMonth.length < 2) continue;
            const ids = new Set(inMonth.map((r) => r.id));
            finer.push(
              pooledMeasurement(
                tree,
                ofKey.filter((r) => ids.has(r.roundId)),
                rs,
                minimum,
                roundCells.filter((_, i) => ids.has(rs[i].id)),
              ),
            );
          }
        keep(bucket, key, pooledMeasurement(tree, ofKey, rs, minimum, finer));
      }
    }
    return new EmployeeCells(out, valueOf);
  }
}

/** The pattern of one measurement from its cells' counts (no finer period inside it). */
function patternOf(tree: Tree, sums: Map<Node, EmployeeSums>, minimum: number) {
  return suppressionPattern(tree.teams, (node) => sums.get(node)?.n ?? 0, minimum);
}

/**
 * A measurement over some rounds from per-person rows: each person once (answers averaged over the
 * rounds first; their team is the one of their latest round), and its pattern with the published
 * cells of `finer` measurements inside it taken into account.
 */
function pooledMeasurement(
  tree: Tree,
  rows: PersonAnswerRow[],
  rounds: ClosedRound[],
  minimum: number,
  finer: Measurement[],
): Measurement {
  const order = new Map(rounds.map((r, i) => [r.id, i]));
  const people = new Map<
    string,
    { team: string; at: number; scored: number; sum: number; levels: number[] }
  >();
  for (const row of rows) {
    const p = people.get(row.person) ?? { team: row.teamId, at: -1, scored: 0, sum: 0, levels: [0, 0, 0, 0] };
    const at = order.get(row.roundId) ?? 0;
    if (at >= p.at) Object.assign(p, { team: row.teamId, at });
    p.scored += row.scored;
    p.sum += row.sum;
    row.levels.forEach((l, i) => (p.levels[i] += l));
    people.set(row.person, p);
  }
  const sums = new Map<Node, EmployeeSums>();
  const sets = new Map<Node, Set<string>>();
  for (const [person, p] of people) {
    const mean = p.sum / p.scored;
    const own: EmployeeSums = {
      n: 1,
      sum: mean,
      sumsq: mean * mean,
      good: (p.levels[2] + p.levels[3]) / p.scored,
      role: p.levels[3] / p.scored,
      levels: p.levels.map((l) => l / p.scored) as EmployeeSums['levels'],
    };
    for (const node of p.team === NONE ? [null] : tree.cellsOf(p.team)) {
      const s = sums.get(node) ?? empty();
      add(s, own);
      sums.set(node, s);
      sets.set(node, (sets.get(node) ?? new Set()).add(person));
    }
  }
  const n = (node: Node) => sums.get(node)?.n ?? 0;
  const publishedFiner = finer.flatMap((f) =>
    [...(f.people ?? new Map<Node, Set<string>>())]
      .filter(([inner]) => f.pattern.get(inner) === null)
      .map(([, set]) => set),
  );
  // Hide what a finer period would reveal a small group next to, until nothing more needs hiding.
  const hidden = new Set<Node>();
  for (;;) {
    const pattern = suppressionPattern(tree.teams, n, minimum, hidden);
    let more = false;
    for (const node of tree.nodes) {
      if (pattern.get(node) !== null || !finer.length) continue;
      const children = tree
        .children(node)
        .filter((c) => pattern.get(c) === null)
        .map((c) => sets.get(c) ?? new Set<string>());
      if (revealsNestedGroup(sets.get(node) ?? new Set(), publishedFiner, minimum, children)) {
        hidden.add(node);
        more = true;
      }
    }
    if (!more) return { sums, people: sets, pattern };
  }
}

/** The employee cells of some periods: sums and whether each is published. */
export class EmployeeCells {
  constructor(
    private readonly cells: Map<string, EmployeeCell>,
    /** The value a key (a value itself, or a behaviour) belongs to. */
    readonly valueOf: Map<string, string>,
  ) {}

  /** The cell of a period, a node (null: the organisation; else a team's subtree) and a key; null: no answers. */
  get(period: string, node: string | null, key: string): EmployeeCell | null {
    return this.cells.get(cellKey(period, node, key)) ?? null;
  }

  /** The keys with answers in a period (any node). */
  keys(period: string, node: string | null): string[] {
    const prefix = `${period}|${node ?? ''}|`;
    return [...this.cells.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }
}
