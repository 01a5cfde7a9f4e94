import type { EntityManager } from 'typeorm';
import type { AppraisalConversationsRepository } from '../appraisals/appraisal-conversations.repository';
import type { AppraisalCyclesRepository } from '../appraisals/appraisal-cycles.repository';
import { REVIEWER_SQL } from '../appraisals/appraisal-sql';
import type { AppraisalsRepository } from '../appraisals/appraisals.repository';

/** The appraisal module's repositories: the demo writes cycles, reviews and agreements as the api does. */
export interface AppraisalStores {
  cycles: AppraisalCyclesRepository;
  appraisals: AppraisalsRepository;
  conversations: AppraisalConversationsRepository;
}

/** The teams whose people have appraisals in the demo: the department "Wonen" of the demo manager. */
const DEMO_APPRAISAL_TEAMS = ['Wijkteam Noord', 'Wijkteam Zuid', 'Klantcontactcentrum'];
const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
/** Mostly "good", some "improvable" and "role model": deterministic so every start looks the same. */
const LEVELS = [3, 3, 2, 4, 3, 2, 3, 4, 3, 1];

type Stage = 'not_started' | 'self_review' | 'manager_review' | 'conversation' | 'signed' | 'closed';

/**
 * Appraisals on first start: last year's closed cycle with every appraisal signed and agreements
 * made, and this year's open cycle with appraisals at every stage (the demo employee halfway through
 * its self review), so the appraisal pages, calibration and PDF show something true. This year's
 * appraisals in conversation or signed have last year's agreements followed up.
 */
export async function seedAppraisals(
  m: EntityManager,
  organisationId: string,
  versionId: string,
  teamIds: Map<string, string>,
  stores: AppraisalStores,
  now = new Date(),
): Promise<void> {
  const teams = DEMO_APPRAISAL_TEAMS.map((t) => teamIds.get(t)).filter((id): id is string => Boolean(id));
  const behaviours: { value_id: string; behaviour_id: string }[] = await m.query(
    `SELECT e.id AS value_id, b.id AS behaviour_id FROM experience_values e JOIN value_behaviours b ON b.value_id = e.id
      WHERE e.version_id = $1 ORDER BY e.position, b.position`,
    [versionId],
  );
  const year = now.getUTCFullYear();
  const last = await cycle(m, stores, organisationId, versionId, teams, {
    name: `Jaargesprekken ${year - 1}`,
    periodStart: `${year - 1}-01-01`,
    periodEnd: `${year - 1}-12-31`,
    dues: [addDays(now, -330), addDays(now, -316), addDays(now, -302), addDays(now, -288)].map(day),
    status: 'closed',
  });
  const current = await cycle(m, stores, organisationId, versionId, teams, {
    name: `Jaargesprekken ${year}`,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    dues: [addDays(now, 14), addDays(now, 28), addDays(now, 42), addDays(now, 56)].map(day),
    status: 'open',
  });
  const lastIds = await appraisals(m, organisationId, last, teams);
  for (const [i, a] of lastIds.entries())
    await fill(m, stores, organisationId, a, behaviours, i, 'closed', addDays(now, -300 + (i % 10)));
  const currentIds = await appraisals(m, organisationId, current, teams);
  const stages: Stage[] = ['not_started', 'self_review', 'manager_review', 'conversation', 'signed'];
  for (const [i, a] of currentIds.entries()) {
    // The demo employee is halfway through its self review: something to continue on first sign-in.
    const stage = a.email === 'employee@demo.test' ? 'self_review' : stages[i % stages.length];
    await fill(m, stores, organisationId, a, behaviours, i, stage, addDays(now, 7 + (i % 10)));
  }
  await followUps(m, organisationId, last, current);
}

/** Conversations under way or signed this year: the reviewer followed up last year's agreements. */
async function followUps(m: EntityManager, organisationId: string, lastCycleId: string, cycleId: string) {
  await m.query(
    `INSERT INTO appraisal_agreement_follow_ups
       (organisation_id, appraisal_id, agreement_id, status, note, updated_by)
     SELECT cur.organisation_id, cur.id, g.id,
            (ARRAY['achieved', 'partly', 'achieved', 'not_achieved'])[1 + (row_number() OVER (ORDER BY cur.id) % 4)::int],
            'Besproken in het gesprek; zie het gespreksverslag.', cur.reviewer_id
       FROM appraisals cur
       JOIN appraisals prev ON prev.organisation_id = cur.organisation_id AND prev.employee_id = cur.employee_id
                           AND prev.cycle_id = $2
       JOIN appraisal_agreements g ON g.appraisal_id = prev.id
      WHERE cur.organisation_id = $1 AND cur.cycle_id = $3 AND cur.stage IN ('conversation', 'signed')`,
    [organisationId, lastCycleId, cycleId],
  );
}

async function cycle(
  m: EntityManager,
  stores: AppraisalStores,
  organisationId: string,
  versionId: string,
  teams: string[],
  c: { name: string; periodStart: string; periodEnd: string; dues: string[]; status: 'open' | 'closed' },
): Promise<string> {
  const [selfReviewDue, managerReviewDue, conversationDue, signOffDue] = c.dues;
  const id = await stores.cycles.insert(
    organisationId,
    {
      name: c.name,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      teamIds: teams,
      valuesVersionId: versionId,
      selfReviewDue,
      managerReviewDue,
      conversationDue,
      signOffDue,
      questions: [{ id: 'q1', text: 'Waar ben je het meest trots op dit jaar?' }],
      agreementsSection: true,
    },
    m,
  );
  // Opened (and closed) before any appraisal exists: the seeder adds them itself, at every stage.
  await stores.cycles.setStatus(m, organisationId, id, 'open');
  if (c.status === 'closed') await stores.cycles.setStatus(m, organisationId, id, 'closed');
  return id;
}

async function appraisals(m: EntityManager, organisationId: string, cycleId: string, teams: string[]) {
  return (await m.query(
    `INSERT INTO appraisals (organisation_id, cycle_id, employee_id, reviewer_id, team_id)
     SELECT u.organisation_id, $2, u.id, ${REVIEWER_SQL}, u.team_id
       FROM users u WHERE u.organisation_id = $1 AND u.team_id = ANY($3::uuid[])
      ORDER BY u.email
     RETURNING id, (SELECT email::text FROM users WHERE id = employee_id) AS email, reviewer_id`,
    [organisationId, cycleId, teams],
  )) as { id: string; email: string; reviewer_id: string | null }[];
}

async function fill(
  m: EntityManager,
  stores: AppraisalStores,
  organisationId: string,
  a: { id: string; reviewer_id: string | null },
  behaviours: { value_id: string; behaviour_id: string }[],
  i: number,
  stage: Stage,
  meeting: Date,
): Promise<void> {
  if (stage === 'not_started') return;
  const order: Stage[] = ['self_review', 'manager_review', 'conversation', 'signed', 'closed'];
  const reached = (s: Stage) => order.indexOf(stage) >= order.indexOf(s);
  const review = (author: 'self' | 'manager', shift: number, count = behaviours.length) =>
    stores.conversations.saveReview(m, organisationId, a.id, author, {
      comments: {
        [behaviours[0].value_id]:
          author === 'self'
            ? 'Ik bel huurders altijd terug zoals beloofd.'
            : 'Betrouwbaar en vriendelijk naar huurders.',
      },
      answers: { q1: author === 'self' ? 'De renovatie in Tanthof.' : 'Hoe je de bewonersavond leidde.' },
      ratings: behaviours.slice(0, count).map((b, j) => ({
        behaviourId: b.behaviour_id,
        level: LEVELS[(i + j * 3 + shift) % LEVELS.length],
      })),
    });
  // A self review in progress has half the behaviours rated.
  await review('self', 0, reached('manager_review') ? behaviours.length : Math.ceil(behaviours.length / 2));
  const both = reached('conversation');
  if (both) await review('manager', 1);
  const signed = reached('signed');
  if (signed)
    await stores.conversations.replaceAgreements(m, organisationId, a.id, [
      {
        valueId: behaviours[0].value_id,
        what: 'Terugbelafspraken in de wijk altijd binnen een werkdag nakomen',
        support: 'Maandelijkse coaching door de teamleider',
        dueDate: day(addDays(meeting, 120)),
      },
    ]);
  const at = (days: number) => addDays(meeting, days);
  await stores.appraisals.update(m, organisationId, a.id, {
    stage,
    ...(reached('manager_review') ? { self_submitted_at: at(-20) } : {}),
    ...(both
      ? {
          manager_submitted_at: at(-10),
          manager_submitted_by: a.reviewer_id,
          meeting_date: day(meeting),
          shared_notes: 'We bespraken de terugbelafspraken en de bewonersavond.',
        }
      : {}),
    ...(signed
      ? { employee_signed_at: at(1), reviewer_signed_at: at(1), signed_reviewer_id: a.reviewer_id }
      : {}),
  });
}
