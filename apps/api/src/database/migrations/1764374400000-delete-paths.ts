import { MigrationInterface, QueryRunner } from 'typeorm';

/** [table, constraint, columns, referenced table (columns), action] */
type Reference = [string, string, string, string, string];

const SET_NULL: Reference[] = [
  [
    'customer_journeys',
    'customer_journeys_organisation_id_segment_id_fkey',
    'organisation_id, segment_id',
    'customer_segments (organisation_id, id)',
    'SET NULL (segment_id)',
  ],
  [
    'surveys',
    'surveys_organisation_id_journey_id_fkey',
    'organisation_id, journey_id',
    'customer_journeys (organisation_id, id)',
    'SET NULL (journey_id)',
  ],
  [
    'surveys',
    'surveys_organisation_id_journey_id_touchpoint_id_fkey',
    'organisation_id, journey_id, touchpoint_id',
    'journey_touchpoints (organisation_id, journey_id, id)',
    'SET NULL (touchpoint_id)',
  ],
  [
    'surveys',
    'surveys_organisation_id_segment_id_fkey',
    'organisation_id, segment_id',
    'customer_segments (organisation_id, id)',
    'SET NULL (segment_id)',
  ],
  [
    'surveys',
    'surveys_organisation_id_team_id_fkey',
    'organisation_id, team_id',
    'teams (organisation_id, id)',
    'SET NULL (team_id)',
  ],
  [
    'survey_invitations',
    'survey_invitations_organisation_id_segment_id_fkey',
    'organisation_id, segment_id',
    'customer_segments (organisation_id, id)',
    'SET NULL (segment_id)',
  ],
  [
    'survey_invitations',
    'survey_invitations_organisation_id_team_id_fkey',
    'organisation_id, team_id',
    'teams (organisation_id, id)',
    'SET NULL (team_id)',
  ],
  [
    'survey_invitations',
    'survey_invitations_organisation_id_touchpoint_id_fkey',
    'organisation_id, touchpoint_id',
    'journey_touchpoints (organisation_id, id)',
    'SET NULL (touchpoint_id)',
  ],
  [
    'survey_contacts',
    'survey_contacts_organisation_id_segment_id_fkey',
    'organisation_id, segment_id',
    'customer_segments (organisation_id, id)',
    'SET NULL (segment_id)',
  ],
  [
    'survey_contacts',
    'survey_contacts_organisation_id_team_id_fkey',
    'organisation_id, team_id',
    'teams (organisation_id, id)',
    'SET NULL (team_id)',
  ],
  [
    'survey_responses',
    'survey_responses_organisation_id_journey_id_fkey',
    'organisation_id, journey_id',
    'customer_journeys (organisation_id, id)',
    'SET NULL (journey_id)',
  ],
  [
    'survey_responses',
    'survey_responses_organisation_id_touchpoint_id_fkey',
    'organisation_id, touchpoint_id',
    'journey_touchpoints (organisation_id, id)',
    'SET NULL (touchpoint_id)',
  ],
  [
    'survey_responses',
    'survey_responses_organisation_id_segment_id_fkey',
    'organisation_id, segment_id',
    'customer_segments (organisation_id, id)',
    'SET NULL (segment_id)',
  ],
  [
    'survey_responses',
    'survey_responses_organisation_id_team_id_fkey',
    'organisation_id, team_id',
    'teams (organisation_id, id)',
    'SET NULL (team_id)',
  ],
  [
    'value_set_versions',
    'value_set_versions_organisation_id_based_on_id_fkey',
    'organisation_id, based_on_id',
    'value_set_versions (organisation_id, id)',
    'SET NULL (based_on_id)',
  ],
];

/** Published versions are frozen by triggers, so these cascades only ever run when an organisation goes. */
const CASCADE: Reference[] = [
  [
    'assessment_cycles',
    'assessment_cycles_organisation_id_values_version_id_fkey',
    'organisation_id, values_version_id',
    'value_set_versions (organisation_id, id)',
    'CASCADE',
  ],
  [
    'assessment_rounds',
    'assessment_rounds_organisation_id_values_version_id_fkey',
    'organisation_id, values_version_id',
    'value_set_versions (organisation_id, id)',
    'CASCADE',
  ],
  [
    'assessment_answers',
    'assessment_answers_organisation_id_behaviour_id_fkey',
    'organisation_id, behaviour_id',
    'value_behaviours (organisation_id, id)',
    'CASCADE',
  ],
  [
    'assessment_examples',
    'assessment_examples_organisation_id_value_id_fkey',
    'organisation_id, value_id',
    'experience_values (organisation_id, id)',
    'CASCADE',
  ],
  [
    'surveys',
    'surveys_organisation_id_values_version_id_fkey',
    'organisation_id, values_version_id',
    'value_set_versions (organisation_id, id)',
    'CASCADE',
  ],
  [
    'survey_responses',
    'survey_responses_organisation_id_values_version_id_fkey',
    'organisation_id, values_version_id',
    'value_set_versions (organisation_id, id)',
    'CASCADE',
  ],
  [
    'survey_response_grades',
    'survey_response_grades_organisation_id_value_id_fkey',
    'organisation_id, value_id',
    'experience_values (organisation_id, id)',
    'CASCADE',
  ],
];

/**
 * Deleting an organisation (or a team) must not trip over a reference inside the same cascade:
 * PostgreSQL checks NO ACTION keys per cascaded statement, before the referring rows are gone.
 * Context references (team, segment, journey, touchpoint) become null when their target goes
 * (the api refuses deleting segments, journeys and touchpoints in use; a deleted team's history
 * stays, unattributed); references to values versions cascade.
 */
export class DeletePaths1764374400000 implements MigrationInterface {
  name = 'DeletePaths1764374400000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, name, columns, target, action] of [...SET_NULL, ...CASCADE]) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${name} FOREIGN KEY (${columns}) REFERENCES ${target} ON DELETE ${action}`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, name, columns, target] of [...SET_NULL, ...CASCADE]) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${name} FOREIGN KEY (${columns}) REFERENCES ${target}`,
      );
    }
  }
}
