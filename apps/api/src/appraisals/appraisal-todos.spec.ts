import { openAppraisals, reviewsToDo } from './appraisal-todos';
import type { AppraisalRow } from './appraisals.repository';

const row = (id: string, over: Partial<AppraisalRow> = {}): AppraisalRow =>
  ({
    id,
    cycle_name: 'Jaargesprek',
    cycle_status: 'open',
    stage: 'not_started',
    self_review_due: '2026-11-01',
    manager_review_due: '2026-12-01',
    conversation_due: '2026-12-15',
    sign_off_due: '2026-12-31',
    meeting_date: null,
    self_submitted_at: null,
    manager_submitted_at: null,
    reviewer_signed_at: null,
    employee_name: `Medewerker ${id}`,
    team_name: 'Team',
    ...over,
  }) as AppraisalRow;

const at = new Date('2026-10-01T00:00:00Z');

describe('appraisal to-dos on the home page', () => {
  const today = '2026-11-15';

  it("lists the employee's unsigned appraisals of open cycles with the current stage's deadline", () => {
    const rows = [
      row('a'),
      row('b', { stage: 'manager_review', self_submitted_at: at }),
      row('signed', { stage: 'signed' }),
      row('draft', { cycle_status: 'closed' }),
    ];
    expect(openAppraisals(rows, today)).toEqual([
      { id: 'a', cycleName: 'Jaargesprek', stage: 'not_started', dueDate: '2026-11-01', overdue: true },
      { id: 'b', cycleName: 'Jaargesprek', stage: 'manager_review', dueDate: '2026-12-01', overdue: false },
    ]);
  });

  it.each([
    ['manager review not submitted', row('x'), '2026-12-01'],
    [
      'conversation without a meeting date',
      row('x', { stage: 'conversation', manager_submitted_at: at }),
      '2026-12-15',
    ],
    [
      'conversation held, not signed by the reviewer',
      row('x', { stage: 'conversation', manager_submitted_at: at, meeting_date: '2026-12-10' }),
      '2026-12-31',
    ],
  ])('gives the reviewer its own deadline: %s', (_, r, due) => {
    expect(reviewsToDo([r], today).map((a) => a.dueDate)).toEqual([due]);
  });

  it('leaves out what the reviewer has done and finished or closed cycles, earliest deadline first', () => {
    const rows = [
      row('later', { manager_review_due: '2026-12-20' }),
      row('sooner'),
      row('submitted', { stage: 'manager_review', manager_submitted_at: at }),
      row('signedByReviewer', { stage: 'conversation', manager_submitted_at: at, reviewer_signed_at: at }),
      row('closed', { cycle_status: 'closed' }),
      row('signed', { stage: 'signed', manager_submitted_at: at }),
    ];
    expect(reviewsToDo(rows, today).map((r) => [r.id, r.employeeName])).toEqual([
      ['sooner', 'Medewerker sooner'],
      ['later', 'Medewerker later'],
    ]);
  });
});
