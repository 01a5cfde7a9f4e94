import type { HomeOverview } from '@wk/contracts';

/** A home overview for tests: an employee with nothing open; `over` fills in the rest. */
export const homeOverview = (over: Partial<HomeOverview>): HomeOverview => ({
  role: 'employee',
  today: '2026-12-04',
  anonymityMinimum: 5,
  selfAssessments: { open: [], last: null },
  appraisals: [],
  teamActions: null,
  manager: null,
  reviews: null,
  organisation: null,
  ...over,
});
