import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CYCLE_DEFAULTS, waveReminderAt } from '@wk/domain';
import type { DemoCustomers } from './demo-customers';
import { REPAIR_TOUCHPOINTS } from './demo-customers';
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS, demoEmployees } from './demo-data';
import { generateHistory } from './demo-history';

/** A link's stored hash, of a secret nobody has: the past invitations' links cannot be opened. */
const RANDOM_TOKEN_HASH = `encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex')`;
const REMINDER_AFTER_DAYS = 7;

type Columns = Record<string, [sqlType: string, values: unknown[]]>;

/** One INSERT for many rows: a parameter per fixed column, an array per varying column (unnest). */
async function insertRows(
  m: EntityManager,
  table: string,
  fixed: Record<string, unknown>,
  columns: Columns,
  computed: Record<string, string> = {},
): Promise<void> {
  const fixedNames = Object.keys(fixed);
  const names = Object.keys(columns);
  await m.query(
    `INSERT INTO ${table} (${[...fixedNames, ...names, ...Object.keys(computed)].join(', ')})
     SELECT ${[...fixedNames.map((_, i) => `$${i + 1}`), ...names.map((n) => `x.${n}`), ...Object.values(computed)].join(', ')}
       FROM unnest(${names.map((n, i) => `$${fixedNames.length + i + 1}::${columns[n][0]}[]`).join(', ')})
         AS x(${names.join(', ')})`,
    [...Object.values(fixed), ...names.map((n) => columns[n][1])],
  );
}

/**
 * The demo organisation's past year (demo-history.ts) written in the seed's transaction: a paused
 * quarterly cycle with its closed rounds, and closed upload waves of the repair survey with the
 * anonymous responses (their contacts long deleted).
 */
export async function seedHistory(
  m: EntityManager,
  organisationId: string,
  versionId: string,
  teamIds: Map<string, string>,
  customers: DemoCustomers,
  now = new Date(),
): Promise<void> {
  const users: { id: string; email: string }[] = await m.query(
    `SELECT id, email::text AS email FROM users WHERE organisation_id = $1`,
    [organisationId],
  );
  const userIds = new Map(users.map((u) => [u.email, u.id]));
  const behaviours: { value_id: string; value_key: string; behaviour_id: string; behaviour_key: string }[] =
    await m.query(
      `SELECT e.id AS value_id, e.key AS value_key, b.id AS behaviour_id, b.key AS behaviour_key
         FROM experience_values e JOIN value_behaviours b ON b.value_id = e.id
        WHERE e.version_id = $1 ORDER BY e.position, b.position`,
      [versionId],
    );
  const valueIds = new Map(behaviours.map((b) => [b.value_key, b.value_id]));
  const behaviourIds = new Map(behaviours.map((b) => [b.behaviour_key, b.behaviour_id]));
  const [main, other] = [...customers.segmentIds.keys()];

  const history = generateHistory({
    now,
    cron: CYCLE_DEFAULTS.cron,
    timeZone: CYCLE_DEFAULTS.timeZone,
    windowDays: CYCLE_DEFAULTS.windowDays,
    // Everyone in a team: the demo's own accounts (who always take part) and the 40 employees.
    people: [
      ...DEMO_ACCOUNTS.flatMap((a) =>
        a.team ? [{ key: a.email, team: a.team, alwaysCompletes: true }] : [],
      ),
      ...demoEmployees().map((e) => ({ key: e.email, team: e.team })),
    ],
    values: [...valueIds.keys()].map((key) => ({
      key,
      behaviours: behaviours.filter((b) => b.value_key === key).map((b) => b.behaviour_key),
    })),
    touchpointTeams: REPAIR_TOUCHPOINTS.map((t) => t.team),
    segments: [main, other],
  });
  const first = history.rounds[0].opensAt;
  const last = history.rounds[history.rounds.length - 1].closesAt;

  // Self-assessments: the cycle (paused, so no scheduler fires), its rounds, invitations, answers.
  const cycleId = randomUUID();
  await m.query(
    `INSERT INTO assessment_cycles (id, organisation_id, name, values_version_id, team_ids, cron, time_zone,
                                    window_days, status, created_at, updated_at)
     VALUES ($1, $2, 'Kwartaalmeting', $3, $4::uuid[], $5, $6, $7, 'paused', $8, $9)`,
    [
      cycleId,
      organisationId,
      versionId,
      DEMO_DEPARTMENTS.map((d) => teamIds.get(d.name)),
      CYCLE_DEFAULTS.cron,
      CYCLE_DEFAULTS.timeZone,
      CYCLE_DEFAULTS.windowDays,
      new Date(first.getTime() - 7 * 24 * 3600 * 1000),
      last,
    ],
  );
  const roundIds = history.rounds.map(() => randomUUID());
  await insertRows(
    m,
    'assessment_rounds',
    { organisation_id: organisationId, cycle_id: cycleId, values_version_id: versionId },
    {
      id: ['uuid', roundIds],
      scheduled_for: ['timestamptz', history.rounds.map((r) => r.opensAt)],
      opens_at: ['timestamptz', history.rounds.map((r) => r.opensAt)],
      closes_at: ['timestamptz', history.rounds.map((r) => r.closesAt)],
      closed_at: ['timestamptz', history.rounds.map((r) => r.closesAt)],
    },
  );
  const invitations = history.rounds.flatMap((r, i) =>
    r.invitations.map((invitation) => ({
      ...invitation,
      id: randomUUID(),
      roundId: roundIds[i],
      at: r.opensAt,
    })),
  );
  await insertRows(
    m,
    'assessment_invitations',
    { organisation_id: organisationId },
    {
      id: ['uuid', invitations.map((i) => i.id)],
      round_id: ['uuid', invitations.map((i) => i.roundId)],
      user_id: ['uuid', invitations.map((i) => userIds.get(i.person))],
      team_id: ['uuid', invitations.map((i) => teamIds.get(i.team))],
      completed_at: ['timestamptz', invitations.map((i) => i.completedAt)],
      created_at: ['timestamptz', invitations.map((i) => i.at)],
    },
    { token_hash: RANDOM_TOKEN_HASH },
  );
  const answers = invitations.flatMap((i) => i.answers.map((a) => ({ ...a, invitation: i })));
  await insertRows(
    m,
    'assessment_answers',
    { organisation_id: organisationId },
    {
      invitation_id: ['uuid', answers.map((a) => a.invitation.id)],
      behaviour_id: ['uuid', answers.map((a) => behaviourIds.get(a.behaviour))],
      level: ['smallint', answers.map((a) => a.level)],
      updated_at: ['timestamptz', answers.map((a) => a.invitation.completedAt)],
    },
  );
  const examples = invitations.filter((i) => i.example);
  await insertRows(
    m,
    'assessment_examples',
    { organisation_id: organisationId },
    {
      invitation_id: ['uuid', examples.map((i) => i.id)],
      value_id: ['uuid', examples.map((i) => valueIds.get(i.example!.value))],
      text: ['text', examples.map((i) => i.example!.text)],
      updated_at: ['timestamptz', examples.map((i) => i.completedAt)],
    },
  );

  // Customers: the survey has been open since the first wave; one closed upload wave per quarter.
  await m.query(`UPDATE surveys SET opens_at = $2, created_at = $2, updated_at = $2 WHERE id = $1`, [
    customers.surveyId,
    first,
  ]);
  const waveIds = history.waves.map(() => randomUUID());
  await insertRows(
    m,
    'survey_waves',
    { organisation_id: organisationId, survey_id: customers.surveyId, kind: 'upload', skipped: 0 },
    {
      id: ['uuid', waveIds],
      opens_at: ['timestamptz', history.waves.map((w) => w.opensAt)],
      closes_at: ['timestamptz', history.waves.map((w) => w.closesAt)],
      closed_at: ['timestamptz', history.waves.map((w) => w.closesAt)],
      reminder_sent_at: [
        'timestamptz',
        history.waves.map((w) => waveReminderAt(w.opensAt, w.closesAt, REMINDER_AFTER_DAYS)),
      ],
      contacts_deleted_at: ['timestamptz', history.waves.map((w) => w.closesAt)],
    },
  );
  const sent = history.waves.flatMap((w, i) =>
    w.invitations.map((invitation) => ({ ...invitation, waveId: waveIds[i], at: w.opensAt })),
  );
  const touchpointId = (position: number | null) =>
    position === null ? null : customers.touchpointIds[position];
  const teamId = (name: string | null) => (name ? teamIds.get(name) : null);
  await insertRows(
    m,
    'survey_invitations',
    { organisation_id: organisationId, survey_id: customers.surveyId },
    {
      wave_id: ['uuid', sent.map((i) => i.waveId)],
      locale: ['text', sent.map((i) => i.locale)],
      segment_id: ['uuid', sent.map((i) => customers.segmentIds.get(i.segment))],
      team_id: ['uuid', sent.map((i) => teamId(i.team))],
      touchpoint_id: ['uuid', sent.map((i) => touchpointId(i.touchpoint))],
      opened: ['boolean', sent.map((i) => i.openedAt !== null)],
      answered: ['boolean', sent.map((i) => i.answeredAt !== null)],
      created_at: ['timestamptz', sent.map((i) => i.at)],
    },
    { token_hash: RANDOM_TOKEN_HASH },
  );
  // Their mails went out when each wave opened (the addresses went with the contact data), so the
  // wave funnel reads invited → sent → opened → answered as for a wave the product sent itself.
  await m.query(
    `INSERT INTO outbox_messages (organisation_id, kind, dedup_key, to_address, subject, text_body, status, attempts, sent_at, created_at, wave_id)
     SELECT i.organisation_id, 'survey-invite', 'survey-invite:' || i.id, '(verwijderd)', s.name, '(verwijderd)', 'sent', 1,
            i.created_at, i.created_at, i.wave_id
       FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id
      WHERE i.organisation_id = $1 AND i.survey_id = $2`,
    [organisationId, customers.surveyId],
  );
  const responses = history.responses.map((r) => ({ ...r, id: randomUUID() }));
  await insertRows(
    m,
    'survey_responses',
    {
      organisation_id: organisationId,
      survey_id: customers.surveyId,
      values_version_id: versionId,
      journey_id: customers.journeyId,
    },
    {
      id: ['uuid', responses.map((r) => r.id)],
      wave_id: ['uuid', responses.map((r) => (r.wave === null ? null : waveIds[r.wave]))],
      channel: ['text', responses.map((r) => r.channel)],
      touchpoint_id: ['uuid', responses.map((r) => touchpointId(r.touchpoint))],
      segment_id: ['uuid', responses.map((r) => customers.segmentIds.get(r.segment))],
      team_id: ['uuid', responses.map((r) => teamId(r.team))],
      locale: ['text', responses.map((r) => r.locale)],
      nps: ['smallint', responses.map((r) => r.nps)],
      comment: ['text', responses.map((r) => r.comment)],
      submitted_at: ['timestamptz', responses.map((r) => r.submittedAt)],
    },
  );
  // Answers keep only their day (docs/anonymity.md), as the answer page stores them.
  await m.query(
    `UPDATE survey_responses r SET submitted_at = date_trunc('day', r.submitted_at AT TIME ZONE o.time_zone) AT TIME ZONE o.time_zone
       FROM organisations o WHERE o.id = r.organisation_id AND r.organisation_id = $1`,
    [organisationId],
  );
  // Without statistics the grades' foreign-key checks pick the (organisation_id, submitted_at) index
  // and scan every response of the organisation per row (1.4 s instead of 50 ms on a fresh database).
  await m.query(`ANALYZE survey_responses`);
  const grades = responses.flatMap((r) =>
    Object.entries(r.grades).map(([value, grade]) => ({ response: r.id, value, grade })),
  );
  await insertRows(
    m,
    'survey_response_grades',
    { organisation_id: organisationId },
    {
      response_id: ['uuid', grades.map((g) => g.response)],
      value_id: ['uuid', grades.map((g) => valueIds.get(g.value))],
      grade: ['smallint', grades.map((g) => g.grade)],
    },
  );
}
