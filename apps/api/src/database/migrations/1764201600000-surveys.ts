import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer context (segments, journeys, touchpoints, serving teams), recognition surveys, their
 * waves, contacts, single-use invitations, responses, the contact quarantine and API keys.
 * Responses carry the survey context but no link to an invitation or contact: an answer can
 * never be joined back to an e-mail address.
 */
export class Surveys1764201600000 implements MigrationInterface {
  name = 'Surveys1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer_segments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name varchar(80) NOT NULL CHECK (btrim(name) <> ''),
        description varchar(2000) NOT NULL DEFAULT '',
        persona varchar(2000) NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX customer_segments_name ON customer_segments (organisation_id, lower(btrim(name)))`,
    );
    await q.query(`
      CREATE TABLE customer_journeys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name varchar(120) NOT NULL CHECK (btrim(name) <> ''),
        description varchar(2000) NOT NULL DEFAULT '',
        segment_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, segment_id) REFERENCES customer_segments (organisation_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX customer_journeys_name ON customer_journeys (organisation_id, lower(btrim(name)))`,
    );
    await q.query(`
      CREATE TABLE journey_touchpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        journey_id uuid NOT NULL,
        position int NOT NULL CHECK (position >= 0),
        name varchar(120) NOT NULL CHECK (btrim(name) <> ''),
        channel varchar(16) NOT NULL
          CHECK (channel IN ('website', 'phone', 'desk', 'email', 'letter', 'visit', 'chat', 'other')),
        moment_of_truth boolean NOT NULL DEFAULT false,
        UNIQUE (organisation_id, id),
        UNIQUE (organisation_id, journey_id, id),
        -- deferred: a reorder swaps positions inside one transaction
        UNIQUE (journey_id, position) DEFERRABLE INITIALLY DEFERRED,
        FOREIGN KEY (organisation_id, journey_id) REFERENCES customer_journeys (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE journey_teams (
        organisation_id uuid NOT NULL,
        journey_id uuid NOT NULL,
        team_id uuid NOT NULL,
        PRIMARY KEY (journey_id, team_id),
        FOREIGN KEY (organisation_id, journey_id) REFERENCES customer_journeys (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE touchpoint_teams (
        organisation_id uuid NOT NULL,
        touchpoint_id uuid NOT NULL,
        team_id uuid NOT NULL,
        PRIMARY KEY (touchpoint_id, team_id),
        FOREIGN KEY (organisation_id, touchpoint_id) REFERENCES journey_touchpoints (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name varchar(120) NOT NULL CHECK (btrim(name) <> ''),
        values_version_id uuid NOT NULL,
        journey_id uuid,
        touchpoint_id uuid,
        segment_id uuid,
        team_id uuid,
        title_nl varchar(200) NOT NULL DEFAULT '',
        title_en varchar(200) NOT NULL DEFAULT '',
        intro_nl varchar(1000) NOT NULL DEFAULT '',
        intro_en varchar(1000) NOT NULL DEFAULT '',
        ask_overall_grade boolean NOT NULL DEFAULT false,
        ask_nps boolean NOT NULL DEFAULT false,
        ask_comment boolean NOT NULL DEFAULT true,
        opens_at timestamptz NOT NULL DEFAULT now(),
        closes_at timestamptz,
        window_days int NOT NULL DEFAULT 14 CHECK (window_days BETWEEN 1 AND 90),
        reminder_after_days int NOT NULL DEFAULT 7 CHECK (reminder_after_days BETWEEN 0 AND 90),
        cron varchar(120),
        time_zone varchar(64) NOT NULL DEFAULT 'Europe/Amsterdam',
        status varchar(16) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
        open_link_enabled boolean NOT NULL DEFAULT true,
        -- the open link's code: public by design (printed as a QR code), so stored as is
        open_code varchar(32) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        CHECK (closes_at IS NULL OR closes_at > opens_at),
        FOREIGN KEY (organisation_id, values_version_id) REFERENCES value_set_versions (organisation_id, id),
        FOREIGN KEY (organisation_id, journey_id) REFERENCES customer_journeys (organisation_id, id),
        FOREIGN KEY (organisation_id, journey_id, touchpoint_id)
          REFERENCES journey_touchpoints (organisation_id, journey_id, id),
        FOREIGN KEY (organisation_id, segment_id) REFERENCES customer_segments (organisation_id, id),
        FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id)
      )`);
    await q.query(`
      CREATE TABLE survey_waves (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        survey_id uuid NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('upload', 'scheduled', 'api')),
        -- a schedule's firing, or the day of an API wave: a repeated firing finds its wave taken
        scheduled_for timestamptz,
        opens_at timestamptz NOT NULL DEFAULT now(),
        closes_at timestamptz NOT NULL,
        closed_at timestamptz,
        reminder_sent_at timestamptz,
        contacts_deleted_at timestamptz,
        skipped int NOT NULL DEFAULT 0,
        UNIQUE (organisation_id, id),
        UNIQUE (survey_id, kind, scheduled_for),
        CHECK (closes_at > opens_at),
        FOREIGN KEY (organisation_id, survey_id) REFERENCES surveys (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX survey_waves_open ON survey_waves (closes_at) WHERE closed_at IS NULL`);
    await q.query(`
      CREATE TABLE survey_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        survey_id uuid NOT NULL,
        wave_id uuid NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        locale varchar(2) NOT NULL CHECK (locale IN ('nl', 'en')),
        segment_id uuid,
        team_id uuid,
        touchpoint_id uuid,
        opened_at timestamptz,
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, wave_id) REFERENCES survey_waves (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, survey_id) REFERENCES surveys (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, segment_id) REFERENCES customer_segments (organisation_id, id),
        FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id),
        FOREIGN KEY (organisation_id, touchpoint_id) REFERENCES journey_touchpoints (organisation_id, id)
      )`);
    await q.query(`CREATE INDEX survey_invitations_wave ON survey_invitations (wave_id)`);
    await q.query(`
      CREATE TABLE survey_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        survey_id uuid NOT NULL,
        email varchar(320) NOT NULL,
        locale varchar(2) CHECK (locale IN ('nl', 'en')),
        segment_id uuid,
        team_id uuid,
        -- null while waiting for the next wave; then the wave and the invitation it got
        wave_id uuid,
        invitation_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        CHECK ((wave_id IS NULL) = (invitation_id IS NULL)),
        FOREIGN KEY (organisation_id, survey_id) REFERENCES surveys (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, wave_id) REFERENCES survey_waves (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, invitation_id) REFERENCES survey_invitations (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, segment_id) REFERENCES customer_segments (organisation_id, id),
        FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id)
      )`);
    // One pending entry per address per survey; the pool is what the next wave sends to.
    await q.query(
      `CREATE UNIQUE INDEX survey_contacts_pending ON survey_contacts (survey_id, lower(email)) WHERE wave_id IS NULL`,
    );
    await q.query(`CREATE INDEX survey_contacts_wave ON survey_contacts (wave_id)`);
    await q.query(`
      CREATE TABLE contact_quarantine (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        -- keyed HMAC of the lower-cased address: the quarantine outlives the contact data
        email_hash char(64) NOT NULL,
        last_asked_at timestamptz NOT NULL,
        PRIMARY KEY (organisation_id, email_hash)
      )`);

    await q.query(`
      CREATE TABLE survey_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        survey_id uuid NOT NULL,
        values_version_id uuid NOT NULL,
        wave_id uuid,
        channel varchar(8) NOT NULL CHECK (channel IN ('email', 'open')),
        journey_id uuid,
        touchpoint_id uuid,
        segment_id uuid,
        team_id uuid,
        locale varchar(2) NOT NULL CHECK (locale IN ('nl', 'en')),
        overall_grade smallint CHECK (overall_grade BETWEEN 1 AND 10),
        nps smallint CHECK (nps BETWEEN 0 AND 10),
        comment varchar(2000),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, survey_id) REFERENCES surveys (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, wave_id) REFERENCES survey_waves (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, values_version_id) REFERENCES value_set_versions (organisation_id, id),
        FOREIGN KEY (organisation_id, journey_id) REFERENCES customer_journeys (organisation_id, id),
        FOREIGN KEY (organisation_id, touchpoint_id) REFERENCES journey_touchpoints (organisation_id, id),
        FOREIGN KEY (organisation_id, segment_id) REFERENCES customer_segments (organisation_id, id),
        FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id)
      )`);
    await q.query(`CREATE INDEX survey_responses_survey ON survey_responses (survey_id, submitted_at DESC)`);
    await q.query(`
      CREATE TABLE survey_response_grades (
        organisation_id uuid NOT NULL,
        response_id uuid NOT NULL,
        value_id uuid NOT NULL,
        -- null is "weet ik niet": answered, left out of every score
        grade smallint CHECK (grade BETWEEN 1 AND 10),
        PRIMARY KEY (response_id, value_id),
        FOREIGN KEY (organisation_id, response_id) REFERENCES survey_responses (organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, value_id) REFERENCES experience_values (organisation_id, id)
      )`);

    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name varchar(80) NOT NULL CHECK (btrim(name) <> ''),
        prefix varchar(16) NOT NULL,
        key_hash char(64) NOT NULL UNIQUE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        UNIQUE (organisation_id, id)
      )`);
    await q.query(`
      CREATE TABLE api_idempotency_keys (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        key varchar(200) NOT NULL,
        -- the same key with another request body is refused (409), never silently mixed up
        request_hash char(64) NOT NULL,
        status varchar(24) NOT NULL,
        invitation_id uuid,
        wave_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE api_idempotency_keys, api_keys, survey_response_grades, survey_responses,
        contact_quarantine, survey_contacts, survey_invitations, survey_waves, surveys,
        touchpoint_teams, journey_teams, journey_touchpoints, customer_journeys, customer_segments`);
  }
}
