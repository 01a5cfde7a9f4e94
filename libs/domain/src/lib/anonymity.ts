/**
 * The anonymity floor: no aggregate of employee answers for fewer respondents than this.
 * docs/anonymity.md: default 5, an organisation may lower it but never below 3.
 */
export const ANONYMITY_DEFAULT = 5;
export const ANONYMITY_FLOOR = 3;

/** The minimum that is actually enforced, whatever a setting says. */
export function effectiveMinimum(setting: number | null | undefined): number {
  if (setting === null || setting === undefined || !Number.isFinite(setting)) return ANONYMITY_DEFAULT;
  return Math.max(ANONYMITY_FLOOR, Math.floor(setting));
}

/** Whether an aggregate over `respondents` distinct people may be shown. */
export function mayShowAggregate(respondents: number, setting?: number | null): boolean {
  return respondents >= effectiveMinimum(setting);
}
