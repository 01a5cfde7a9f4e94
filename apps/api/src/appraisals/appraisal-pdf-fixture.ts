import type { Appraisal, AppraisalValue } from '@wk/contracts';

/** A signed appraisal for the PDF's unit tests: two values, a question, agreements, a follow-up and a reopen. */
export function signedAppraisal(over: Partial<Appraisal> = {}): Appraisal {
  const values: AppraisalValue[] = [
    {
      id: 'v1',
      key: 'betrouwbaar',
      name: 'Betrouwbaar',
      description: 'Doet wat is afgesproken',
      behaviours: [
        { id: 'b1', text: 'Komt afspraken na' },
        { id: 'b2', text: 'Belt terug wanneer beloofd' },
      ],
    },
    {
      id: 'v2',
      key: 'persoonlijk',
      name: 'Persoonlijk',
      description: 'Kent de klant',
      behaviours: [{ id: 'b3', text: 'Spreekt de klant met naam aan' }],
    },
  ];
  const review = (level: 1 | 2 | 3 | 4, comment: string, answer: string) => ({
    ratings: [
      { behaviourId: 'b1', level },
      { behaviourId: 'b2', level: null },
      { behaviourId: 'b3', level },
    ],
    comments: [{ valueId: 'v1', text: comment }],
    answers: [{ questionId: 'q1', text: answer }],
    submittedAt: '2099-01-20T10:00:00Z',
  });
  return {
    id: 'a1',
    cycleId: 'c1',
    cycleName: 'Jaargesprekken 2099',
    employeeId: 'e1',
    employeeName: 'Sanne de Vries',
    reviewerId: 'r1',
    reviewerName: 'Pieter Jansen',
    teamId: 't1',
    teamName: 'Klantenservice',
    currentTeamId: 't1',
    currentTeamName: 'Klantenservice',
    teamChanged: false,
    reviewerIssue: null,
    stage: 'signed',
    dueDate: null,
    viewerRole: 'hr',
    version: 7,
    periodStart: '2099-01-01',
    periodEnd: '2099-12-31',
    deadlines: {
      selfReview: '2099-01-31',
      managerReview: '2099-02-15',
      conversation: '2099-02-28',
      signOff: '2099-03-15',
    },
    values,
    questions: [{ id: 'q1', text: 'Waar ben je trots op?' }],
    agreementsSection: true,
    selfReview: review(3, 'Ik bel altijd terug.', 'Het nieuwe klantportaal'),
    managerReview: review(2, 'Vaak, niet altijd.', 'De inzet in de drukke weken'),
    selfSubmitted: true,
    managerSubmitted: true,
    released: true,
    meetingDate: '2099-02-10',
    sharedNotes: 'Goed gesprek over klantcontact.',
    agreements: [
      { valueId: 'v1', what: 'Terugbelbelofte nakomen', support: 'Coaching', dueDate: '2099-06-01' },
    ],
    employeeSignedAt: '2099-02-11T09:00:00Z',
    reviewerSignedAt: '2099-02-12T09:00:00Z',
    employeeRemark: 'Graag meer scholing',
    employeeDisagrees: false,
    sharedRoundIds: [],
    sharedSelfAssessments: [],
    shareableRounds: [],
    events: [{ kind: 'reopen', actorName: 'Test hr', reason: 'Verkeerde datum', at: '2099-02-11T12:00:00Z' }],
    previousAgreements: [
      {
        id: 'p1',
        cycleName: 'Jaargesprekken 2098',
        valueName: 'Betrouwbaar',
        what: 'Cursus klantgesprekken',
        support: '',
        dueDate: '2098-09-01',
        followUp: { status: 'achieved', note: 'Afgerond in juni', updatedAt: '2099-02-10T10:00:00Z' },
      },
    ],
    ...over,
  };
}
