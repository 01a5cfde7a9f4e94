import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contact's own journey and touchpoint (from a CRM export), carried to its invitation; and the
 * round or wave an outbox message belongs to (backfilled from the dedup keys), for the outbox filter.
 */
export class EverydayGaps1764830000000 implements MigrationInterface {
  name = 'EverydayGaps1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE survey_contacts
        ADD COLUMN journey_id uuid,
        ADD COLUMN touchpoint_id uuid,
        ADD FOREIGN KEY (organisation_id, journey_id)
          REFERENCES customer_journeys (organisation_id, id) ON DELETE SET NULL (journey_id),
        ADD FOREIGN KEY (organisation_id, touchpoint_id)
          REFERENCES journey_touchpoints (organisation_id, id) ON DELETE SET NULL (touchpoint_id)`);
    await q.query(`
      ALTER TABLE survey_invitations
        ADD COLUMN journey_id uuid,
        ADD FOREIGN KEY (organisation_id, journey_id)
          REFERENCES customer_journeys (organisation_id, id) ON DELETE SET NULL (journey_id)`);
    await q.query(`
      ALTER TABLE outbox_messages
        ADD COLUMN round_id uuid,
        ADD COLUMN wave_id uuid,
        ADD FOREIGN KEY (organisation_id, round_id)
          REFERENCES assessment_rounds (organisation_id, id) ON DELETE SET NULL (round_id),
        ADD FOREIGN KEY (organisation_id, wave_id)
          REFERENCES survey_waves (organisation_id, id) ON DELETE SET NULL (wave_id)`);
    await q.query(`
      UPDATE outbox_messages o SET round_id = i.round_id
        FROM assessment_invitations i
       WHERE o.kind IN ('assessment-invite', 'assessment-reminder')
         AND i.organisation_id = o.organisation_id
         AND i.id::text = split_part(o.dedup_key, ':', 2)`);
    await q.query(`
      UPDATE outbox_messages o SET wave_id = i.wave_id
        FROM survey_invitations i
       WHERE o.kind IN ('survey-invite', 'survey-reminder')
         AND i.organisation_id = o.organisation_id
         AND i.id::text = split_part(o.dedup_key, ':', 2)`);
    await q.query(
      `CREATE INDEX outbox_messages_round ON outbox_messages (organisation_id, round_id) WHERE round_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX outbox_messages_wave ON outbox_messages (organisation_id, wave_id) WHERE wave_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_messages DROP COLUMN round_id, DROP COLUMN wave_id`);
    await q.query(`ALTER TABLE survey_invitations DROP COLUMN journey_id`);
    await q.query(`ALTER TABLE survey_contacts DROP COLUMN journey_id, DROP COLUMN touchpoint_id`);
  }
}
