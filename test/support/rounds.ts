import type { DataSource } from 'typeorm';
import { createPublishedValueSet, createWorld, TEST_PASSWORD, type World } from './factories';
import type { RunningApi } from './harness';
import { HttpClient } from './http-client';

/**
 * An organisation (see createWorld) with a published value set and its HR signed in. Its id joins
 * `organisations`, for archiveCycles after the file.
 */
export async function cycleWorld(api: RunningApi, name: string, organisations: string[]) {
  const world = await createWorld(api.db, name);
  organisations.push(world.organisationId);
  const values = await createPublishedValueSet(api.db, world.organisationId);
  const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
  return { world, values, hr };
}

/**
 * As HR does it in the app: import and publish the Vidomes values, create a yearly cycle `name`
 * for `teamId` (with its sub-teams), pause it (only the test opens rounds) and open a round now.
 */
export async function createOpenRound(
  { api, world }: { api: RunningApi; world: World },
  teamId: string,
  name = 'Voorjaarsmeting',
): Promise<{ hr: HttpClient; cycleId: string; roundId: string }> {
  const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
  await hr.post('/api/values/draft/import', (await hr.get('/api/values/templates/vidomes')).body);
  const version = await hr.post('/api/values/draft/publish', {});
  const cycle = await hr.post('/api/cycles', {
    name,
    valuesVersionId: version.body.id,
    teamIds: [teamId],
    cron: '0 9 1 1 *',
  });
  await hr.post(`/api/cycles/${cycle.body.id}/pause`, {});
  const round = await hr.post(`/api/cycles/${cycle.body.id}/rounds`, {});
  if (round.status !== 201)
    throw new Error(`round not opened: ${round.status} ${JSON.stringify(round.body)}`);
  return { hr, cycleId: cycle.body.id, roundId: round.body.id };
}

/** Stops these organisations' cycles (only those: other files share the database), so no worker keeps firing them. */
export async function archiveCycles(db: DataSource, organisationIds: string[]): Promise<void> {
  await db.query(`UPDATE assessment_cycles SET status = 'archived' WHERE organisation_id = ANY($1::uuid[])`, [
    organisationIds,
  ]);
}
