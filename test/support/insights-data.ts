import type { DataSource } from 'typeorm';
import { createTeam, createUser } from './factories';
import { random } from './random';

export interface InsightsData {
  versionId: string;
  values: { id: string; key: string; behaviourIds: string[] }[];
  departmentId: string;
  teams: Record<'large' | 'medium' | 'small', string>;
  people: Record<'large' | 'medium' | 'small', string[]>;
  roundId: string;
  surveyId: string;
  journeyId: string;
  touchpoints: string[];
}

/**
 * A published set of two values with two behaviours each (Basis, target 7.5; Persoonlijk, 8.5),
 * a department with three teams (8, 6 and 2 people), one closed round this month with random
 * answers, and a survey with random responses over a three-touchpoint journey.
 */
export async function createInsightsData(
  db: DataSource,
  organisationId: string,
  seed = 1,
): Promise<InsightsData> {
  const rnd = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const [version] = await db.query(
    `INSERT INTO value_set_versions (organisation_id, number, status) VALUES ($1, 1, 'draft') RETURNING id`,
    [organisationId],
  );
  const values = [];
  for (const [position, [key, level, target]] of [
    ['betrouwbaar', 'basis', 7.5],
    ['persoonlijk', 'persoonlijk', 8.5],
  ].entries()) {
    const [value] = await db.query(
      `INSERT INTO experience_values (organisation_id, version_id, key, position, name_nl, level, tier, charge, target_grade)
       VALUES ($1, $2, $3::text, $4, initcap($3::text), $5, 'base', 'rational', $6) RETURNING id`,
      [organisationId, version.id, key, position, level, target],
    );
    const behaviourIds = [];
    for (const b of [0, 1]) {
      const [behaviour] = await db.query(
        `INSERT INTO value_behaviours (organisation_id, version_id, value_id, key, position, text_nl)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [organisationId, version.id, value.id, `${key}-${b + 1}`, position * 2 + b, `Gedrag ${key} ${b + 1}`],
      );
      behaviourIds.push(behaviour.id);
    }
    values.push({ id: value.id as string, key: key as string, behaviourIds });
  }
  await db.query(`UPDATE value_set_versions SET status = 'published', published_at = now() WHERE id = $1`, [
    version.id,
  ]);

  const departmentId = await createTeam(db, organisationId, `Afdeling ${seed}`);
  const teams = {
    large: await createTeam(db, organisationId, `Groot ${seed}`, departmentId),
    medium: await createTeam(db, organisationId, `Middel ${seed}`, departmentId),
    small: await createTeam(db, organisationId, `Klein ${seed}`, departmentId),
  };
  const people = { large: [] as string[], medium: [] as string[], small: [] as string[] };
  for (const [size, count] of [
    ['large', 8],
    ['medium', 6],
    ['small', 2],
  ] as const)
    for (let i = 0; i < count; i++)
      people[size].push((await createUser(db, organisationId, { teamId: teams[size] })).id);

  const [cycle] = await db.query(
    `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone, status)
     VALUES ($1, 'Meting', $2, '0 9 1 1 *', 'Europe/Amsterdam', 'paused') RETURNING id`,
    [organisationId, version.id],
  );
  const [round] = await db.query(
    `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, opens_at, closes_at, closed_at)
     VALUES ($1, $2, $3, now(), now() - interval '1 hour', now() + interval '14 days', now()) RETURNING id`,
    [organisationId, cycle.id, version.id],
  );
  for (const size of ['large', 'medium', 'small'] as const)
    for (const [i, userId] of people[size].entries()) {
      // The large team has one person who never completes: participation 7/8.
      const completed = !(size === 'large' && i === 0);
      const [invitation] = await db.query(
        `INSERT INTO assessment_invitations (organisation_id, round_id, user_id, token_hash, team_id, completed_at)
         VALUES ($1, $2, $3, md5(random()::text) || md5(random()::text), $4, $5) RETURNING id`,
        [organisationId, round.id, userId, teams[size], completed ? new Date() : null],
      );
      for (const value of values)
        for (const behaviourId of value.behaviourIds) {
          const level = rnd() < 0.1 ? null : 1 + Math.floor(rnd() * 4);
          await db.query(
            `INSERT INTO assessment_answers (organisation_id, invitation_id, behaviour_id, level) VALUES ($1, $2, $3, $4)`,
            [organisationId, invitation.id, behaviourId, level],
          );
        }
    }

  const [journey] = await db.query(
    `INSERT INTO customer_journeys (organisation_id, name) VALUES ($1, $2) RETURNING id`,
    [organisationId, `Reis ${seed}`],
  );
  const touchpoints: string[] = [];
  for (const [position, name] of ['Website', 'Telefoon', 'Bezoek'].entries()) {
    const [t] = await db.query(
      `INSERT INTO journey_touchpoints (organisation_id, journey_id, position, name, channel) VALUES ($1, $2, $3, $4, 'other') RETURNING id`,
      [organisationId, journey.id, position, name],
    );
    touchpoints.push(t.id);
  }
  const [survey] = await db.query(
    `INSERT INTO surveys (organisation_id, name, values_version_id, journey_id, open_code, ask_nps)
     VALUES ($1, 'Klanten', $2, $3, md5(random()::text), true) RETURNING id`,
    [organisationId, version.id, journey.id],
  );
  for (let i = 0; i < 60; i++) {
    const touchpoint = i % 3;
    const team = pick([teams.large, teams.medium, null]);
    const [response] = await db.query(
      `INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, channel, journey_id, touchpoint_id, team_id, locale, nps)
       VALUES ($1, $2, $3, 'open', $4, $5, $6, 'nl', $7) RETURNING id`,
      [
        organisationId,
        survey.id,
        version.id,
        journey.id,
        touchpoints[touchpoint],
        team,
        Math.floor(rnd() * 11),
      ],
    );
    for (const value of values) {
      // The middle touchpoint is clearly worse: a dip in the heart monitor.
      const base = touchpoint === 1 ? 4 : 7;
      const grade = rnd() < 0.1 ? null : Math.min(10, base + Math.floor(rnd() * 4));
      await db.query(
        `INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade) VALUES ($1, $2, $3, $4)`,
        [organisationId, response.id, value.id, grade],
      );
    }
  }
  return {
    versionId: version.id,
    values,
    departmentId,
    teams,
    people,
    roundId: round.id,
    surveyId: survey.id,
    journeyId: journey.id,
    touchpoints,
  };
}
