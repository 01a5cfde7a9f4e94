import type { EntityManager } from 'typeorm';
import { bestMailState, type InvitationFacts, mailStateOfStatus } from '@wk/domain';

/**
 * What the invitations of some waves did, counted per wave and per combination of their mails'
 * outbox statuses (invitation and reminder), opened and answered. The funnel itself is computed
 * from these by libs/domain `waveFunnel`, so its stages are subsets by construction.
 */
export async function readInvitationFacts(
  m: EntityManager,
  organisationId: string,
  waveIds: string[],
): Promise<Map<string, InvitationFacts[]>> {
  const byWave = new Map<string, InvitationFacts[]>();
  if (!waveIds.length) return byWave;
  const rows: { wave_id: string; statuses: string[]; opened: boolean; answered: boolean; count: number }[] =
    await m.query(
      `SELECT i.wave_id, i.opened, i.answered,
              ARRAY(SELECT DISTINCT o.status FROM outbox_messages o
                     WHERE o.organisation_id = i.organisation_id
                       AND o.dedup_key IN ('survey-invite:' || i.id, 'survey-reminder:' || i.id)
                     ORDER BY 1) AS statuses,
              count(*)::int AS count
         FROM survey_invitations i
        WHERE i.organisation_id = $1 AND i.wave_id = ANY($2::uuid[])
        GROUP BY 1, 2, 3, 4`,
      [organisationId, waveIds],
    );
  for (const row of rows) {
    const list = byWave.get(row.wave_id) ?? [];
    list.push({
      mail: bestMailState(row.statuses.map(mailStateOfStatus)),
      opened: row.opened,
      answered: row.answered,
      count: row.count,
    });
    byWave.set(row.wave_id, list);
  }
  return byWave;
}
