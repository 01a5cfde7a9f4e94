/**
 * Anonymity of aggregates and breakdowns (docs/anonymity.md): no aggregate of
 * employee answers for fewer than the minimum of distinct respondents, and no breakdown from
 * which a hidden group can be recovered by subtraction ("differences of two groups").
 */
import { effectiveMinimum, mayShowAggregate } from '../anonymity';

export interface GroupVisibility {
  respondents: number;
  /** The minimum actually enforced (setting clamped to the floor of 3, default 5). */
  minimum: number;
  /** `false`: the dashboard says "too few responses" instead of the number. */
  visible: boolean;
}

/** Whether one group's aggregate may be shown, with the minimum that decided it. */
export function groupVisibility(respondents: number, setting?: number | null): GroupVisibility {
  return { respondents, minimum: effectiveMinimum(setting), visible: mayShowAggregate(respondents, setting) };
}

/** Whether a group's free-text comments may be shown: the same rule with the comment minimum setting. */
export function mayShowComments(respondents: number, commentSetting?: number | null): boolean {
  return mayShowAggregate(respondents, commentSetting);
}

/** One child group of a breakdown with its distinct respondent count. */
export interface BreakdownChild<K> {
  id: K;
  n: number;
}

/** A parent group and the disjoint child groups it is split into; respondents in no child form the remainder. */
export interface Breakdown<K> {
  n: number;
  children: readonly BreakdownChild<K>[];
}

/** too_few: below the minimum itself; complementary: hidden so another hidden group cannot be derived; parent_hidden: the parent is below the minimum. */
export type SuppressionReason = 'too_few' | 'complementary' | 'parent_hidden';

export interface ChildVisibility<K> extends BreakdownChild<K> {
  visible: boolean;
  reason: SuppressionReason | null;
}

export interface BreakdownSuppression<K> {
  minimum: number;
  parentVisible: boolean;
  /** Respondents of the parent in no child (parent n - sum of children n). */
  remainder: number;
  /** Respondents whose aggregate is derivable as parent minus shown children: 0 or >= minimum. */
  residual: number;
  /** In input order. */
  children: ChildVisibility<K>[];
}

/**
 * Which children of a breakdown to hide (complementary suppression).
 *
 * Rule: parent minus the shown children yields the aggregate of the hidden children together with
 * the remainder (respondents in no child). That "residual" group must be empty or have at least
 * the minimum, like any group shown directly. So:
 * 1. parent below the minimum: the parent and its whole breakdown are hidden;
 * 2. children below the minimum are hidden (too_few);
 * 3. while 0 < residual < minimum, also hide the smallest shown child (ties: first in input order).
 * One hidden child with no remainder is always protected by a second hidden child; one hidden child
 * plus a remainder is enough when together they reach the minimum; a small remainder alone (e.g. one
 * member in no sub-team) is protected too. It ends at the latest when all children are hidden
 * (residual = parent >= minimum). For deeper trees apply it top-down and hide the whole breakdown
 * of every hidden child; across different dimensions (team x segment) apply it per dimension.
 * Hidden children must not show their n either.
 */
export function suppressComplementaryGroups<K>(
  breakdown: Breakdown<K>,
  setting?: number | null,
  /** Children hidden up front (e.g. because another period would reveal a small group through them). */
  hidden?: ReadonlySet<K>,
): BreakdownSuppression<K> {
  assertCount(breakdown.n, 'parent n');
  breakdown.children.forEach((c) => assertCount(c.n, `n of child ${String(c.id)}`));
  const covered = breakdown.children.reduce((sum, c) => sum + c.n, 0);
  if (covered > breakdown.n) {
    throw new RangeError(`children hold ${covered} respondents, more than the parent's ${breakdown.n}`);
  }
  const minimum = effectiveMinimum(setting);
  const remainder = breakdown.n - covered;
  if (breakdown.n < minimum) {
    const children = breakdown.children.map((c) => ({
      ...c,
      visible: false,
      reason: 'parent_hidden' as const,
    }));
    return { minimum, parentVisible: false, remainder, residual: 0, children };
  }
  const children: ChildVisibility<K>[] = breakdown.children.map((c) =>
    c.n < minimum
      ? { ...c, visible: false, reason: 'too_few' }
      : hidden?.has(c.id)
        ? { ...c, visible: false, reason: 'complementary' }
        : { ...c, visible: true, reason: null },
  );
  let residual = remainder + children.filter((c) => !c.visible).reduce((sum, c) => sum + c.n, 0);
  while (residual > 0 && residual < minimum) {
    let next: ChildVisibility<K> | undefined;
    for (const c of children) if (c.visible && (!next || c.n < next.n)) next = c;
    if (!next) break; // unreachable: with every child hidden the residual is the parent, >= minimum
    next.visible = false;
    next.reason = 'complementary';
    residual += next.n;
  }
  return { minimum, parentVisible: true, remainder, residual, children };
}

/** A team of the tree a suppression pattern is computed over; the organisation is the root (id null). */
export interface PatternNode {
  id: string;
  parentId: string | null;
}

/**
 * The suppression pattern of one measurement (a value in a period) over the whole team tree: the
 * reason each cell (the organisation, null, and every team's subtree) is hidden, or null when it is
 * published. Top-down: a cell is published only when its parent is, it has at least the minimum,
 * it is not in `hidden`, and the parent minus its published children is 0 or at least the minimum
 * (suppressComplementaryGroups); below a hidden cell everything is hidden. The published cells then
 * form a tree whose every "cell minus its published children" is 0 or >= minimum, so no sum or
 * difference of published cells describes fewer people than the minimum, whichever of them a
 * request shows.
 */
export function suppressionPattern(
  teams: readonly PatternNode[],
  subtreeN: (id: string | null) => number,
  setting?: number | null,
  hidden: ReadonlySet<string | null> = new Set(),
): Map<string | null, SuppressionReason | null> {
  const minimum = effectiveMinimum(setting);
  const kids = new Map<string | null, string[]>();
  for (const t of teams) kids.set(t.parentId, [...(kids.get(t.parentId) ?? []), t.id]);
  const out = new Map<string | null, SuppressionReason | null>();
  const hide = (id: string | null, reason: SuppressionReason) => {
    out.set(id, reason);
    for (const child of kids.get(id) ?? []) hide(child, 'parent_hidden');
  };
  const visit = (id: string | null) => {
    out.set(id, null);
    const children = (kids.get(id) ?? []).map((child) => ({ id: child, n: subtreeN(child) }));
    const split = suppressComplementaryGroups(
      { n: subtreeN(id), children },
      minimum,
      hidden as ReadonlySet<string>,
    );
    for (const child of split.children)
      if (child.visible) visit(child.id);
      else hide(child.id, child.reason ?? 'complementary');
  };
  const rootN = subtreeN(null);
  if (rootN < minimum) hide(null, 'too_few');
  else if (hidden.has(null)) hide(null, 'complementary');
  else visit(null);
  return out;
}

/**
 * Whether a cell of a period that pools several rounds (its people `coarse`) would reveal a small
 * group next to the published cells of finer periods (a round or month within it): for any of them
 * inside it or around it, the people in one and not the other must be 0 or at least the minimum;
 * so must the people of the cell outside all finer cells and published children (`children`)
 * inside it together.
 */
export function revealsNestedGroup(
  coarse: ReadonlySet<string>,
  finer: readonly ReadonlySet<string>[],
  minimum: number,
  children: readonly ReadonlySet<string>[] = [],
): boolean {
  const small = (k: number) => k > 0 && k < minimum;
  const inside: ReadonlySet<string>[] = [...children];
  for (const f of finer) {
    let shared = 0;
    for (const p of f) if (coarse.has(p)) shared++;
    if (shared === f.size) {
      if (small(coarse.size - f.size)) return true;
      inside.push(f);
    } else if (shared === coarse.size && small(f.size - coarse.size)) return true;
  }
  if (!inside.length) return false;
  let outside = 0;
  for (const p of coarse) if (!inside.some((s) => s.has(p))) outside++;
  return small(outside);
}

/** The same suppression for free-text comments, with the organisation's comment minimum (same floor of 3). */
export function suppressComplementaryComments<K>(
  breakdown: Breakdown<K>,
  commentSetting?: number | null,
): BreakdownSuppression<K> {
  return suppressComplementaryGroups(breakdown, commentSetting);
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number >= 0: ${n}`);
}
