import type { Cycle } from '@wk/contracts';
import type { HttpClient } from './http-client';

/** Once a year (1 January, 09:00): a schedule that exists but does not fire during a test. */
export const YEARLY = '0 9 1 1 *';

/** A self-assessment cycle created by HR through the api: named "Jaarlijks" and yearly unless `body` says otherwise. */
export async function createCycle(
  hr: HttpClient,
  body: { valuesVersionId: string; teamIds: string[] } & Record<string, unknown>,
): Promise<Cycle> {
  const res = await hr.post('/api/cycles', { name: 'Jaarlijks', cron: YEARLY, ...body });
  if (res.status !== 201) throw new Error(`cycle not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Cycle;
}
