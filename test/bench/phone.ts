/**
 * Benchmark: the public pages and the dashboard on a throttled phone (issue 13, "fast on a phone").
 * Boots the real api in-process with the built dashboard (WEB_DIST, default dist/apps/web) on a
 * throw-away database and Redis prefix, seeds KPI data, a survey (its open link /q/…) and a
 * self-assessment round (the personal link from the outbox) (phone-world.ts), then opens each page
 * RUNS times in a fresh Chromium context with CDP throttling (1.6 Mbps down, 750 Kbps up, 150 ms RTT, 4× CPU) and
 * prints the median of: JS transferred as sent and files (Chromium asks brotli even from plain-HTTP
 * localhost), the same scripts as the build's gzip files (what the 120 KB target counts: a browser
 * without brotli gets them) and brotli files, all bytes, the time from navigation to
 * the first usable control, LCP, and the JS a repeat visit downloads again.
 * Prints figures and targets; it never fails on a missed target.
 * Run: npm run bench:phone   (builds the dashboard first)   RUNS (3)  WEB_DIST  CHROMIUM_PATH
 *      PAGES=overview,value (only the pages whose names contain these words)
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { eventually } from '../support/harness';
import { startPhoneWorld } from './phone-world';
import { runBench } from './throwaway';

const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));
const WEB_DIST = process.env.WEB_DIST ?? 'dist/apps/web';
const PAGES = (process.env.PAGES ?? '').split(',').filter(Boolean);
// Chrome DevTools' numbers are bytes per second: 1.6 Mbit/s down, 750 kbit/s up.
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;
const PHONE = { width: 390, height: 844 };
const TARGETS = { publicJsKb: 120, publicUsableMs: 2_500, dashboardUsableMs: 4_000 };

interface Sample {
  jsBytes: number;
  jsGzipBytes: number;
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

/** The size of a script's precompressed copy beside it (`.gz` or `.br`; the file itself when too small to have one). */
function compressedSize(pathname: string, extension: '.gz' | '.br'): number {
  const file = join(WEB_DIST, pathname);
  for (const candidate of [`${file}${extension}`, file])
    if (existsSync(candidate)) return statSync(candidate).size;
  return 0;
}

/** Bytes as they came over the wire (compressed when the server compressed), per resource type. */
function countTraffic(cdp: CDPSession) {
  const responses = new Map<string, { type: string; url: string }>();
  const totals = { jsBytes: 0, jsFiles: 0, allBytes: 0, jsGzipBytes: 0, jsBrotliBytes: 0 };
  cdp.on('Network.responseReceived', (e) =>
    responses.set(e.requestId, { type: e.type, url: e.response.url }),
  );
  cdp.on('Network.loadingFinished', (e) => {
    totals.allBytes += e.encodedDataLength;
    const response = responses.get(e.requestId);
    if (response?.type === 'Script') {
      totals.jsBytes += e.encodedDataLength;
      totals.jsFiles += 1;
      const { pathname } = new URL(response.url);
      totals.jsGzipBytes += compressedSize(pathname, '.gz');
      totals.jsBrotliBytes += compressedSize(pathname, '.br');
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

async function main() {
  let browser: Browser | undefined;
  const world = await startPhoneWorld(WEB_DIST, async () => browser?.close());
  try {
    const { api, paths, cookie } = world;
    const scenarios: Scenario[] = [
      {
        name: 'answer page (/q/…)',
        path: paths.answer,
        usable: (page) => page.getByRole('radio', { name: '8', exact: true }).first(),
        target: TARGETS.publicUsableMs,
      },
      {
        name: 'self-assessment form',
        path: paths.selfAssessment,
        usable: (page) => page.getByRole('radio', { name: 'Goed', exact: true }).first(),
        target: TARGETS.publicUsableMs,
      },
      {
        name: 'dashboard overview',
        path: paths.overview,
        usable: (page) => page.getByRole('article', { name: world.firstValueName }),
        cookie,
        target: TARGETS.dashboardUsableMs,
      },
      {
        // The trend's "Als tabel": the value's figures are there and its table works without the chart.
        name: 'value detail',
        path: paths.value,
        usable: (page) => page.getByRole('button', { name: 'Als tabel' }).first(),
        cookie,
        target: TARGETS.dashboardUsableMs,
      },
    ];

    browser = await launchChromium();
    console.log(
      `\nPhone profile: ${(NETWORK.downloadThroughput * 8e-6).toFixed(1)} Mbps down, ${(NETWORK.uploadThroughput * 8e-3).toFixed(0)} kbps up, ` +
        `${NETWORK.latency} ms RTT, ${CPU_SLOWDOWN}x CPU; median of ${RUNS} cold loads (fresh context each); WEB_DIST=${WEB_DIST}\n`,
    );
    const rows = [];
    for (const scenario of scenarios.filter((s) => !PAGES.length || PAGES.some((w) => s.name.includes(w)))) {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await measure(browser, api.url, scenario));
      const pick = (key: keyof Sample) => median(samples.map((s) => s[key] ?? NaN));
      const isPublic = scenario.target === TARGETS.publicUsableMs;
      rows.push({
        page: scenario.name,
        'JS as sent': `${kb(pick('jsBytes'))} in ${pick('jsFiles')} files`,
        'JS gzip':
          kb(pick('jsGzipBytes')) +
          (isPublic
            ? ` (target ≤ ${TARGETS.publicJsKb} KB: ${mark(pick('jsGzipBytes') <= TARGETS.publicJsKb * 1024)})`
            : ''),
        'JS brotli': kb(pick('jsBrotliBytes')),
        'all bytes': kb(pick('allBytes')),
        usable: `${(pick('usableMs') / 1000).toFixed(2)} s (target ≤ ${scenario.target / 1000} s: ${mark(pick('usableMs') <= scenario.target)})`,
        LCP: Number.isNaN(pick('lcpMs')) ? 'n/a' : `${(pick('lcpMs') / 1000).toFixed(2)} s`,
        'repeat visit JS': kb(pick('repeatJsBytes')),
      });
    }
    console.table(rows);
  } finally {
    await world.close();
  }
}

runBench(main);
