import type { INestApplicationContext } from '@nestjs/common';
import { KpiRollupsService } from '@wk/api-testing';
import { createWorld, TEST_PASSWORD } from '../support/factories';
import { eventually, RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createInsightsData } from '../support/insights-data';
import { createSurvey } from '../support/surveys';
import { cleanUpOnSignals, deleteRedisKeys, dropDatabase, throwaway } from './throwaway';

/**
 * What the page benchmarks (bench:phone, bench:lighthouse) open: the real api in-process with the
 * built dashboard (`webDist`) on a throw-away database and Redis prefix, with KPI data, a survey (its
 * open link /q/…), a self-assessment round (the personal link from the outbox) and an HR session.
 */
export interface PhoneWorld {
  api: RunningApi;
  paths: {
    /** The survey's open link (/q/…). */
    answer: string;
    /** The employee's personal self-assessment link. */
    selfAssessment: string;
    login: string;
    /** /insights at the newest quarter with data. */
    overview: string;
    /** /insights/values/betrouwbaar at the same quarter. */
    value: string;
  };
  /** The HR user's session cookie, for the dashboard pages. */
  cookie: { name: string; value: string };
  /** Tile name of the first value on the overview (its article's accessible name). */
  firstValueName: string;
  /** Runs beforeClose, stops the api, drops the database and the Redis keys. */
  close(): Promise<void>;
}

/** The personal self-assessment link of the world's employee, as the worker mails it. */
async function selfAssessmentLink(
  api: RunningApi,
  hr: HttpClient,
  world: Awaited<ReturnType<typeof createWorld>>,
  versionId: string,
  env: Record<string, string | undefined>,
) {
  const worker: INestApplicationContext = await startWorker(env);
  try {
    const cycle = await hr.post('/api/cycles', {
      name: 'Voorjaarsmeting',
      valuesVersionId: versionId,
      teamIds: [world.teamId],
      cron: '0 9 1 1 *',
    });
    if (cycle.status !== 201)
      throw new Error(`cycle not created: ${cycle.status} ${JSON.stringify(cycle.body)}`);
    await hr.post(`/api/cycles/${cycle.body.id}/pause`, {});
    const round = await hr.post(`/api/cycles/${cycle.body.id}/rounds`, {});
    if (round.status !== 201) throw new Error(`round not opened: ${round.status}`);
    const mail = await eventually(async () => {
      const [row]: { text_body: string }[] = await api.db.query(
        `SELECT text_body FROM outbox_messages WHERE organisation_id = $1 AND kind = 'assessment-invite' AND to_address = $2`,
        [world.organisationId, world.users.employee.email],
      );
      return row;
    }, 30_000);
    return new URL(/https?:\/\/\S+\/self-assessment\/\S+/.exec(mail.text_body)![0]).pathname;
  } finally {
    await worker.close();
  }
}

/**
 * Boots and seeds the world; `beforeClose` runs first on close and on Ctrl+C (e.g. closing a
 * browser). Always call close(), also when the benchmark fails.
 */
export async function startPhoneWorld(
  webDist: string,
  beforeClose: () => Promise<unknown> = async () => undefined,
): Promise<PhoneWorld> {
  const target = throwaway();
  // No SMTP: invitations wait in the outbox, where the bench reads the personal link.
  const env = {
    DATABASE_URL: target.databaseUrl,
    QUEUE_PREFIX: target.prefix,
    SMTP_URL: undefined,
    DEMO: '0',
  };
  let api: RunningApi | undefined;
  const cleanup = async () => {
    await beforeClose();
    await api?.close();
    await dropDatabase(target);
    await deleteRedisKeys(target);
  };
  const stopListening = cleanUpOnSignals(cleanup);
  const close = async () => {
    stopListening();
    await cleanup();
  };
  try {
    api = await startApi({ ...env, WEB_DIST: webDist });
    const world = await createWorld(api.db, 'Telefoon');
    const data = await createInsightsData(api.db, world.organisationId, 3);
    await api.app.get(KpiRollupsService).rebuild(world.organisationId);
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const survey = await createSurvey(hr, data.versionId);
    const selfAssessment = await selfAssessmentLink(api, hr, world, data.versionId, env);
    const kpis = (await hr.get('/api/insights/kpis?period=quarter')).body as { periods: string[] };
    const latest = kpis.periods[kpis.periods.length - 1];
    const login = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: api.url },
      body: JSON.stringify({ email: world.users.hr.email, password: TEST_PASSWORD }),
    });
    const [name, value] = (login.headers.get('set-cookie') ?? '').split(';')[0].split('=');
    const period = `?period=quarter&at=${latest}`;
    return {
      api,
      paths: {
        answer: new URL(survey.openLink).pathname,
        selfAssessment,
        login: '/login',
        overview: `/insights${period}`,
        value: `/insights/values/${data.values[0].key}${period}`,
      },
      cookie: { name, value },
      firstValueName: 'Betrouwbaar',
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
