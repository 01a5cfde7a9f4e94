import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versioned value sets: a version holds values, their organisation-level loadings and their
 * employee behaviours. A published version is frozen by triggers, so no code path (nor a stray
 * UPDATE through a repository or psql) can change what answers were given against.
 */
export class Values1763942400000 implements MigrationInterface {
  name = 'Values1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE value_set_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        number int NOT NULL CHECK (number >= 1),
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        based_on_id uuid,
        created_by uuid,
        published_by uuid,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        UNIQUE (organisation_id, number),
        CHECK ((status = 'published') = (published_at IS NOT NULL)),
        FOREIGN KEY (organisation_id, based_on_id) REFERENCES value_set_versions (organisation_id, id),
        FOREIGN KEY (organisation_id, created_by) REFERENCES users (organisation_id, id) ON DELETE SET NULL (created_by),
        FOREIGN KEY (organisation_id, published_by) REFERENCES users (organisation_id, id) ON DELETE SET NULL (published_by)
      )`);
    // At most one draft per organisation; the current version is the published one with the highest number.
    await q.query(
      `CREATE UNIQUE INDEX value_set_versions_one_draft ON value_set_versions (organisation_id) WHERE status = 'draft'`,
    );
    await q.query(`
      CREATE TABLE experience_values (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        version_id uuid NOT NULL,
        key varchar(60) NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        position int NOT NULL,
        name_nl varchar(80) NOT NULL CHECK (btrim(name_nl) <> ''),
        name_en varchar(80) NOT NULL DEFAULT '',
        description_nl varchar(1000) NOT NULL DEFAULT '',
        description_en varchar(1000) NOT NULL DEFAULT '',
        level varchar(16) NOT NULL CHECK (level IN ('basis', 'gemak', 'persoonlijk', 'verrassend')),
        tier varchar(16) NOT NULL CHECK (tier IN ('base', 'distinguishing', 'unique')),
        charge varchar(16) NOT NULL CHECK (charge IN ('rational', 'emotional')),
        theme varchar(80),
        target_grade numeric(3, 1) NOT NULL CHECK (target_grade BETWEEN 1 AND 10),
        question_nl varchar(300),
        question_en varchar(300),
        UNIQUE (organisation_id, id),
        UNIQUE (organisation_id, version_id, id),
        UNIQUE (version_id, key),
        UNIQUE (version_id, position),
        FOREIGN KEY (organisation_id, version_id) REFERENCES value_set_versions (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX experience_values_name ON experience_values (version_id, lower(btrim(name_nl)))`,
    );
    await q.query(`
      CREATE TABLE value_loadings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        version_id uuid NOT NULL,
        value_id uuid NOT NULL,
        area varchar(24) NOT NULL CHECK (area IN ('customer_journeys', 'spaces', 'documents', 'website', 'other')),
        position int NOT NULL,
        text_nl varchar(300) NOT NULL CHECK (btrim(text_nl) <> ''),
        text_en varchar(300) NOT NULL DEFAULT '',
        UNIQUE (value_id, position),
        FOREIGN KEY (organisation_id, version_id, value_id)
          REFERENCES experience_values (organisation_id, version_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE value_behaviours (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        version_id uuid NOT NULL,
        value_id uuid NOT NULL,
        key varchar(60) NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        continues_key varchar(60),
        position int NOT NULL,
        text_nl varchar(200) NOT NULL CHECK (btrim(text_nl) <> ''),
        text_en varchar(200) NOT NULL DEFAULT '',
        UNIQUE (organisation_id, id),
        UNIQUE (version_id, key),
        UNIQUE (value_id, position),
        FOREIGN KEY (organisation_id, version_id, value_id)
          REFERENCES experience_values (organisation_id, version_id, id) ON DELETE CASCADE
      )`);

    // Rows of a published version never change. Deleting the whole organisation (its rows go by
    // cascade, after the organisation row itself) stays possible.
    await q.query(`
      CREATE FUNCTION refuse_change_to_published_values() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE')
           AND EXISTS (SELECT 1 FROM value_set_versions v WHERE v.id = OLD.version_id AND v.status = 'published')
           AND EXISTS (SELECT 1 FROM organisations o WHERE o.id = OLD.organisation_id) THEN
          RAISE EXCEPTION 'value set version % is published and cannot change', OLD.version_id
            USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE')
           AND EXISTS (SELECT 1 FROM value_set_versions v WHERE v.id = NEW.version_id AND v.status = 'published') THEN
          RAISE EXCEPTION 'value set version % is published and cannot change', NEW.version_id
            USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const table of ['experience_values', 'value_loadings', 'value_behaviours']) {
      await q.query(`
        CREATE TRIGGER ${table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_change_to_published_values()`);
    }
    await q.query(`
      CREATE FUNCTION refuse_change_to_published_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status = 'published' AND EXISTS (SELECT 1 FROM organisations o WHERE o.id = OLD.organisation_id) THEN
            RAISE EXCEPTION 'value set version % is published and cannot be deleted', OLD.id
              USING ERRCODE = 'object_not_in_prerequisite_state';
          END IF;
          RETURN OLD;
        END IF;
        -- Only who created or published it may still become NULL (a removed user account).
        IF OLD.status = 'published' AND (NEW.organisation_id, NEW.number, NEW.status, NEW.based_on_id, NEW.published_at)
             IS DISTINCT FROM (OLD.organisation_id, OLD.number, OLD.status, OLD.based_on_id, OLD.published_at) THEN
          RAISE EXCEPTION 'value set version % is published and cannot change', OLD.id
            USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER value_set_versions_frozen BEFORE UPDATE OR DELETE ON value_set_versions
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_published_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE value_behaviours, value_loadings, experience_values, value_set_versions`);
    await q.query(`DROP FUNCTION refuse_change_to_published_values, refuse_change_to_published_version`);
  }
}
