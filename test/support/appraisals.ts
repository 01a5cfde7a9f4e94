import type { DataSource } from 'typeorm';
import { pdfToText } from './pdf-text';

/** A published values version with two values of two behaviours each (NL and EN texts). */
export async function createAppraisalValues(db: DataSource, organisationId: string, number = 1) {
  const [version] = await db.query(
    `INSERT INTO value_set_versions (organisation_id, number, status) VALUES ($1, $2, 'draft') RETURNING id`,
    [organisationId, number],
  );
  const behaviours: string[] = [];
  const values: string[] = [];
  for (const [i, key] of ['betrouwbaar', 'persoonlijk'].entries()) {
    const [value] = await db.query(
      `INSERT INTO experience_values (organisation_id, version_id, key, position, name_nl, name_en, level, tier, charge, target_grade)
       VALUES ($1, $2, $3::text, $4, initcap($3::text), upper($3::text), 'basis', 'base', 'rational', 7.5) RETURNING id`,
      [organisationId, version.id, key, i],
    );
    values.push(value.id);
    for (const j of [0, 1]) {
      const [b] = await db.query(
        `INSERT INTO value_behaviours (organisation_id, version_id, value_id, key, position, text_nl, text_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          organisationId,
          version.id,
          value.id,
          `${key}-${j}`,
          j,
          `Gedrag ${key} ${j}`,
          `Behaviour ${key} ${j}`,
        ],
      );
      behaviours.push(b.id);
    }
  }
  await db.query(`UPDATE value_set_versions SET status = 'published', published_at = now() WHERE id = $1`, [
    version.id,
  ]);
  return { versionId: version.id as string, values, behaviours };
}

/** A self-assessment round the person answered (every behaviour at `level`), for sharing by consent. */
export async function createAnsweredRound(
  db: DataSource,
  organisationId: string,
  versionId: string,
  userId: string,
  behaviours: string[],
  level = 1,
): Promise<string> {
  const [cycle] = await db.query(
    `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, cron, time_zone, status)
     VALUES ($1, 'Kwartaal', $2, '0 9 1 1 *', 'Europe/Amsterdam', 'paused') RETURNING id`,
    [organisationId, versionId],
  );
  const [round] = await db.query(
    `INSERT INTO assessment_rounds (organisation_id, cycle_id, values_version_id, scheduled_for, closes_at)
     VALUES ($1, $2, $3, now(), now() + interval '14 days') RETURNING id`,
    [organisationId, cycle.id, versionId],
  );
  const [inv] = await db.query(
    `INSERT INTO assessment_invitations (organisation_id, round_id, user_id, token_hash, completed_at)
     VALUES ($1, $2, $3, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), now()) RETURNING id`,
    [organisationId, round.id, userId],
  );
  await db.query(
    `INSERT INTO assessment_answers (organisation_id, invitation_id, behaviour_id, level) SELECT $1, $2, unnest($3::uuid[]), $4`,
    [organisationId, inv.id, behaviours, level],
  );
  return round.id;
}

/** Text of the appraisal PDF as pdftotext reads it, in drawing order, on single spaces. */
export function pdfText(pdf: Buffer): string {
  return pdfToText(pdf, { raw: true }).text;
}
