/**
 * Benchmark: the public pages and the dashboard on a throttled phone (issue 13, "fast on a phone").
 * Boots the real api in-process with the built dashboard (WEB_DIST, default dist/apps/web) on a
 * throw-away database and Redis prefix, seeds KPI data, a survey (its open link /q/…) and a
 * self-assessment round (the personal link from the outbox), then opens each page RUNS times in a
 * fresh Chromium context with CDP throttling (1.6 Mbps down, 750 Kbps up, 150 ms RTT, 4× CPU) and
 * prints the median of: JS transferred (as sent: Chromium asks gzip over plain HTTP) and files, the
 * same scripts brotli compressed (what it gets over HTTPS), all bytes, the time from navigation to
 * the first usable control, LCP, and the JS a repeat visit downloads again.
 * Prints figures and targets; it never fails on a missed target.
 * Run: npm run bench:phone   (builds the dashboard first)   RUNS (3)  WEB_DIST  CHROMIUM_PATH
 */
import type { INestApplicationContext } from '@nestjs/common';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Locator, Page } from 'playwright-core';
import { KpiRollupsService } from '@wk/api-testing';
import { launchChromium } from '../support/browser';
import { createWorld, TEST_PASSWORD } from '../support/factories';
import { eventually, RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createInsightsData } from '../support/insights-data';
import { createSurvey } from '../support/surveys';
import { cleanUpOnSignals, deleteRedisKeys, dropDatabase, runBench, throwaway } from './throwaway';

const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));
const WEB_DIST = process.env.WEB_DIST ?? 'dist/apps/web';
// Chrome DevTools' numbers are bytes per second: 1.6 Mbit/s down, 750 kbit/s up.
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;
const PHONE = { width: 390, height: 844 };
const TARGETS = { publicJsKb: 120, publicUsableMs: 2_500, dashboardUsableMs: 4_000 };

interface Sample {
  jsBytes: number;
  jsBrotliBytes: number;
  jsFiles: number;
  allBytes: number;
  usableMs: number;
  lcpMs: number | null;
  repeatJsBytes: number;
}

interface Scenario {
  name: string;
  path: string;
  /** The first control a visitor can use: visible and enabled. */
  usable: (page: Page) => Locator;
  cookie?: { name: string; value: string };
  target: number;
}

/** The size a script has brotli compressed (its .br file beside it), as a browser gets it over HTTPS. */
function brotliSize(pathname: string): number {
  const file = join(WEB_DIST, pathname);
  for (const candidate of [`${file}.br`, file]) if (existsSync(candidate)) return statSync(candidate).size;
  return 0;
}

/** Bytes as they came over the wire (compressed when the server compressed), per resource type. */
function countTraffic(cdp: CDPSession) {
  const responses = new Map<string, { type: string; url: string }>();
  const totals = { jsBytes: 0, jsFiles: 0, allBytes: 0, jsBrotliBytes: 0 };
  cdp.on('Network.responseReceived', (e) =>
    responses.set(e.requestId, { type: e.type, url: e.response.url }),
  );
  cdp.on('Network.loadingFinished', (e) => {
    totals.allBytes += e.encodedDataLength;
    const response = responses.get(e.requestId);
    if (response?.type === 'Script') {
      totals.jsBytes += e.encodedDataLength;
      totals.jsFiles += 1;
      totals.jsBrotliBytes += brotliSize(new URL(response.url).pathname);
    }
  });
  return totals;
}

async function measure(browser: Browser, baseUrl: string, scenario: Scenario): Promise<Sample> {
  const context = await browser.newContext({
    locale: 'nl-NL',
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
  });
  try {
    if (scenario.cookie) await context.addCookies([{ ...scenario.cookie, url: baseUrl }]);
    // The latest LCP candidate, kept where the bench can read it.
    await context.addInitScript(() => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        (window as unknown as { __lcp: number }).__lcp = entries[entries.length - 1].startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const traffic = countTraffic(cdp);

    const start = Date.now();
    await page.goto(`${baseUrl}${scenario.path}`, { waitUntil: 'commit' });
    const control = scenario.usable(page);
    await control.waitFor({ state: 'visible', timeout: 60_000 });
    await eventually(async () => ((await control.isEnabled()) ? true : undefined), 60_000);
    const usableMs = Date.now() - start;
    await page.waitForLoadState('networkidle');
    const lcp = await page.evaluate(() => (window as unknown as { __lcp?: number }).__lcp ?? null);
    const first = { ...traffic };

    // A second visit in the same browser: immutable assets come from the cache, without a request.
    const before = traffic.jsBytes;
    await page.goto(`${baseUrl}${scenario.path}`, { waitUntil: 'commit' });
    await scenario.usable(page).waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return { ...first, usableMs, lcpMs: lcp, repeatJsBytes: traffic.jsBytes - before };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

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

async function main() {
  const target = throwaway();
  // No SMTP: invitations wait in the outbox, where the bench reads the personal link.
  const env = {
    DATABASE_URL: target.databaseUrl,
    QUEUE_PREFIX: target.prefix,
    SMTP_URL: undefined,
    DEMO: '0',
  };
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  const cleanup = async () => {
    await browser?.close();
    await api?.close();
    await dropDatabase(target);
    await deleteRedisKeys(target);
  };
  const stopListening = cleanUpOnSignals(cleanup);
  try {
    api = await startApi({ ...env, WEB_DIST });
    const world = await createWorld(api.db, 'Telefoon');
    const data = await createInsightsData(api.db, world.organisationId, 3);
    await api.app.get(KpiRollupsService).rebuild(world.organisationId);
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const survey = await createSurvey(hr, data.versionId);
    const answerPath = new URL(survey.openLink).pathname;
    const selfPath = await selfAssessmentLink(api, hr, world, data.versionId, env);
    const kpis = (await hr.get('/api/insights/kpis?period=quarter')).body as { periods: string[] };
    const latest = kpis.periods[kpis.periods.length - 1];
    const login = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: api.url },
      body: JSON.stringify({ email: world.users.hr.email, password: TEST_PASSWORD }),
    });
    const [name, value] = (login.headers.get('set-cookie') ?? '').split(';')[0].split('=');

    const scenarios: Scenario[] = [
      {
        name: 'answer page (/q/…)',
        path: answerPath,
        usable: (page) => page.getByRole('radio', { name: '8', exact: true }).first(),
        target: TARGETS.publicUsableMs,
      },
      {
        name: 'self-assessment form',
        path: selfPath,
        usable: (page) => page.getByRole('radio', { name: 'Goed', exact: true }).first(),
        target: TARGETS.publicUsableMs,
      },
      {
        name: 'dashboard overview',
        path: `/insights?period=quarter&at=${latest}`,
        usable: (page) => page.getByRole('article', { name: 'Betrouwbaar' }),
        cookie: { name, value },
        target: TARGETS.dashboardUsableMs,
      },
    ];

    browser = await launchChromium();
    console.log(
      `\nPhone profile: ${(NETWORK.downloadThroughput * 8e-6).toFixed(1)} Mbps down, ${(NETWORK.uploadThroughput * 8e-3).toFixed(0)} kbps up, ` +
        `${NETWORK.latency} ms RTT, ${CPU_SLOWDOWN}x CPU; median of ${RUNS} cold loads (fresh context each); WEB_DIST=${WEB_DIST}\n`,
    );
    const rows = [];
    for (const scenario of scenarios) {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await measure(browser, api.url, scenario));
      const pick = (key: keyof Sample) => median(samples.map((s) => s[key] ?? NaN));
      const isPublic = scenario.target === TARGETS.publicUsableMs;
      rows.push({
        page: scenario.name,
        'JS (gzip, wire)':
          `${kb(pick('jsBytes'))} in ${pick('jsFiles')} files` +
          (isPublic
            ? ` (target ≤ ${TARGETS.publicJsKb} KB: ${mark(pick('jsBytes') <= TARGETS.publicJsKb * 1024)})`
            : ''),
        'JS brotli (HTTPS)': kb(pick('jsBrotliBytes')),
        'all bytes': kb(pick('allBytes')),
        usable: `${(pick('usableMs') / 1000).toFixed(2)} s (target ≤ ${scenario.target / 1000} s: ${mark(pick('usableMs') <= scenario.target)})`,
        LCP: Number.isNaN(pick('lcpMs')) ? 'n/a' : `${(pick('lcpMs') / 1000).toFixed(2)} s`,
        'repeat visit JS': kb(pick('repeatJsBytes')),
      });
    }
    console.table(rows);
  } finally {
    stopListening();
    await cleanup();
  }
}

runBench(main);
