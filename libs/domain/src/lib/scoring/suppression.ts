/**
 * Anonymity of aggregates and breakdowns (product.md, "Privacy and anonymity"): no aggregate of
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
    c.n < minimum ? { ...c, visible: false, reason: 'too_few' } : { ...c, visible: true, reason: null },
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
