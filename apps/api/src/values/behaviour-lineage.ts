import type { EntityManager } from 'typeorm';
import { behaviourLineage } from '@wk/domain';
import { OrganisationScope } from '../common/organisation-scope';

interface PublishedBehaviourRow {
  number: number;
  key: string;
  continues_key: string | null;
  text_nl: string;
  text_en: string;
}

export interface BehaviourHistory {
  /** Every published behaviour key → the key its trend is reported under (its newest continuation). */
  lineage: Map<string, string>;
  /** The text of each key in the newest version that has it. */
  textOf: Map<string, { text_nl: string; text_en: string }>;
}

/** The organisation's published behaviours, oldest version first, as reports follow them across versions. */
export async function readBehaviourHistory(
  m: EntityManager,
  organisationId: string,
): Promise<BehaviourHistory> {
  const rows = await new OrganisationScope(m, organisationId).rows<PublishedBehaviourRow>(
    `SELECT v.number, b.key, b.continues_key, b.text_nl, b.text_en
         FROM value_behaviours b JOIN value_set_versions v ON v.id = b.version_id
        WHERE v.organisation_id = $1 AND v.status = 'published'
        ORDER BY v.number, b.position`,
  );
  const versions = new Map<number, { key: string; continuesKey: string | null }[]>();
  const textOf = new Map<string, { text_nl: string; text_en: string }>();
  for (const row of rows) {
    versions.set(row.number, [
      ...(versions.get(row.number) ?? []),
      { key: row.key, continuesKey: row.continues_key },
    ]);
    textOf.set(row.key, { text_nl: row.text_nl, text_en: row.text_en }); // newer versions overwrite
  }
  return { lineage: behaviourLineage([...versions.values()].map((behaviours) => ({ behaviours }))), textOf };
}
