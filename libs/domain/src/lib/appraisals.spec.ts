import { APPRAISAL_DATE_ORDER, appraisalDateProblem, appraisalStage } from './appraisals';

describe('appraisalStage', () => {
  it('derives the stage from what happened, for every combination of facts', () => {
    const flags = [
      'selfStarted',
      'selfSubmitted',
      'managerSubmitted',
      'employeeSigned',
      'reviewerSigned',
      'cycleClosed',
    ] as const;
    for (let bits = 0; bits < 2 ** flags.length; bits++) {
      const f = Object.fromEntries(flags.map((k, i) => [k, Boolean(bits & (1 << i))])) as Record<
        (typeof flags)[number],
        boolean
      >;
      const stage = appraisalStage(f);
      const expected =
        f.employeeSigned && f.reviewerSigned
          ? f.cycleClosed
            ? 'closed'
            : 'signed'
          : f.selfSubmitted && f.managerSubmitted
            ? 'conversation'
            : f.selfSubmitted
              ? 'manager_review'
              : f.selfStarted
                ? 'self_review'
                : 'not_started';
      expect(`${bits} ${stage}`).toBe(`${bits} ${expected}`);
      // The manager's review alone never moves the employee's stage past the self review (blind).
      if (!f.selfSubmitted) expect(['not_started', 'self_review', 'signed', 'closed']).toContain(stage);
    }
  });
});

describe('appraisalDateProblem', () => {
  it('accepts every ordered set of deadlines and names the first out of order otherwise', () => {
    const days = ['2030-01-01', '2030-01-01', '2030-02-01', '2030-03-01', '2030-04-01'];
    for (let i = 0; i < 500; i++) {
      const pick = () => days[Math.floor(Math.random() * days.length)];
      const d = {
        periodStart: '2029-01-01',
        periodEnd: '2029-12-31',
        ...Object.fromEntries(APPRAISAL_DATE_ORDER.map((k) => [k, pick()])),
      } as Parameters<typeof appraisalDateProblem>[0];
      const first = APPRAISAL_DATE_ORDER.findIndex((k, j) => j > 0 && d[k] < d[APPRAISAL_DATE_ORDER[j - 1]]);
      expect(appraisalDateProblem(d)?.field ?? null).toBe(first < 0 ? null : APPRAISAL_DATE_ORDER[first]);
    }
    expect(
      appraisalDateProblem({
        periodStart: '2030-01-02',
        periodEnd: '2030-01-01',
        selfReviewDue: 'a',
        managerReviewDue: 'b',
        conversationDue: 'c',
        signOffDue: 'd',
      })?.field,
    ).toBe('periodEnd');
  });
});
