import type { EntityManager } from 'typeorm';
import { REVIEWER_SQL } from '../appraisals/appraisals.repository';

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
  now = new Date(),
): Promise<void> {
  const teams = DEMO_APPRAISAL_TEAMS.map((t) => teamIds.get(t)).filter((id): id is string => Boolean(id));
  const behaviours: { value_id: string; behaviour_id: string }[] = await m.query(
    `SELECT e.id AS value_id, b.id AS behaviour_id FROM experience_values e JOIN value_behaviours b ON b.value_id = e.id
      WHERE e.version_id = $1 ORDER BY e.position, b.position`,
    [versionId],
  );
  const year = now.getUTCFullYear();
  const last = await cycle(m, organisationId, versionId, teams, {
    name: `Jaargesprekken ${year - 1}`,
    periodStart: `${year - 1}-01-01`,
    periodEnd: `${year - 1}-12-31`,
    dues: [addDays(now, -330), addDays(now, -316), addDays(now, -302), addDays(now, -288)].map(day),
    status: 'closed',
  });
  const current = await cycle(m, organisationId, versionId, teams, {
    name: `Jaargesprekken ${year}`,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    dues: [addDays(now, 14), addDays(now, 28), addDays(now, 42), addDays(now, 56)].map(day),
    status: 'open',
  });
  const lastIds = await appraisals(m, organisationId, last, teams);
  for (const [i, a] of lastIds.entries())
    await fill(m, organisationId, a, behaviours, i, 'closed', addDays(now, -300 + (i % 10)));
  const currentIds = await appraisals(m, organisationId, current, teams);
  const stages: Stage[] = ['not_started', 'self_review', 'manager_review', 'conversation', 'signed'];
  for (const [i, a] of currentIds.entries()) {
    // The demo employee is halfway through its self review: something to continue on first sign-in.
    const stage = a.email === 'employee@demo.test' ? 'self_review' : stages[i % stages.length];
    await fill(m, organisationId, a, behaviours, i, stage, addDays(now, 7 + (i % 10)));
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
  organisationId: string,
  versionId: string,
  teams: string[],
  c: { name: string; periodStart: string; periodEnd: string; dues: string[]; status: 'open' | 'closed' },
): Promise<string> {
  const [row] = await m.query(
    `INSERT INTO appraisal_cycles (organisation_id, name, period_start, period_end, team_ids, values_version_id,
       self_review_due, manager_review_due, conversation_due, sign_off_due, questions, status, opened_at, closed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text, now(), CASE WHEN $12::text = 'closed' THEN now() END)
     RETURNING id`,
    [
      organisationId,
      c.name,
      c.periodStart,
      c.periodEnd,
      teams,
      versionId,
      ...c.dues,
      JSON.stringify([{ id: 'q1', text: 'Waar ben je het meest trots op dit jaar?' }]),
      c.status,
    ],
  );
  return row.id;
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
  const review = async (author: 'self' | 'manager', shift: number, count = behaviours.length) => {
    await m.query(
      `INSERT INTO appraisal_reviews (organisation_id, appraisal_id, author, comments, answers) VALUES ($1, $2, $3, $4, $5)`,
      [
        organisationId,
        a.id,
        author,
        JSON.stringify({
          [behaviours[0].value_id]:
            author === 'self'
              ? 'Ik bel huurders altijd terug zoals beloofd.'
              : 'Betrouwbaar en vriendelijk naar huurders.',
        }),
        JSON.stringify({
          q1: author === 'self' ? 'De renovatie in Tanthof.' : 'Hoe je de bewonersavond leidde.',
        }),
      ],
    );
    await m.query(
      `INSERT INTO appraisal_ratings (organisation_id, appraisal_id, author, behaviour_id, level)
       SELECT $1, $2, $3, b, l FROM unnest($4::uuid[], $5::smallint[]) AS x(b, l)`,
      [
        organisationId,
        a.id,
        author,
        behaviours.slice(0, count).map((b) => b.behaviour_id),
        behaviours.slice(0, count).map((_, j) => LEVELS[(i + j * 3 + shift) % LEVELS.length]),
      ],
    );
  };
  // A self review in progress has half the behaviours rated.
  await review('self', 0, reached('manager_review') ? behaviours.length : Math.ceil(behaviours.length / 2));
  const both = reached('conversation');
  if (both) await review('manager', 1);
  const signed = reached('signed');
  if (signed)
    await m.query(
      `INSERT INTO appraisal_agreements (organisation_id, appraisal_id, value_id, position, what, support, due_date)
       VALUES ($1, $2, $3, 0, 'Terugbelafspraken in de wijk altijd binnen een werkdag nakomen', 'Maandelijkse coaching door de teamleider', $4)`,
      [organisationId, a.id, behaviours[0].value_id, day(addDays(meeting, 120))],
    );
  await m.query(
    `UPDATE appraisals SET stage = $3,
       self_submitted_at = CASE WHEN $4 THEN $7::timestamptz - interval '20 days' END,
       manager_submitted_at = CASE WHEN $5 THEN $7::timestamptz - interval '10 days' END,
       manager_submitted_by = CASE WHEN $5 THEN reviewer_id END,
       meeting_date = CASE WHEN $5 THEN $7::date END,
       shared_notes = CASE WHEN $5 THEN 'We bespraken de terugbelafspraken en de bewonersavond.' ELSE '' END,
       employee_signed_at = CASE WHEN $6 THEN $7::timestamptz + interval '1 day' END,
       reviewer_signed_at = CASE WHEN $6 THEN $7::timestamptz + interval '1 day' END,
       signed_reviewer_id = CASE WHEN $6 THEN reviewer_id END
     WHERE id = $1 AND organisation_id = $2`,
    [a.id, organisationId, stage, reached('manager_review'), both, signed, meeting.toISOString()],
  );
}
