/**
 * Benchmark: Lighthouse 12 scores of the pages a phone opens (issue 13, "fast on a phone").
 * Boots the same world as bench:phone (phone-world.ts: the real api with the built dashboard,
 * WEB_DIST, on a throw-away database with KPI data, a survey's open link, a self-assessment link
 * and an HR session), then runs Lighthouse's Node API RUNS times per page, each in a fresh headless Chromium
 * (chrome-launcher), with the mobile preset (simulated slow 4G and 4× CPU, Moto G Power screen), and
 * the desktop preset too for the dashboard pages. The dashboard pages get the HR session cookie as
 * an extra header. Prints the median performance and accessibility score, LCP, TBT, total and
 * unused JS next to the targets, and what Lighthouse suggests for the median run of each page that
 * misses a target.
 * Prints figures and targets; it never fails on a missed target.
 * Run: npm run bench:lighthouse   (builds the dashboard first)   RUNS (3)  WEB_DIST  CHROMIUM_PATH
 *      PAGES=overview,value (names containing these words)   LH_REPORTS=<dir> (each run's report as JSON, for the Lighthouse viewer)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LaunchedChrome } from 'chrome-launcher' with { 'resolution-mode': 'import' };
import type { Flags, Result } from 'lighthouse' with { 'resolution-mode': 'import' };
import { startPhoneWorld } from './phone-world';
import { runBench } from './throwaway';

const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));
const WEB_DIST = process.env.WEB_DIST ?? 'dist/apps/web';
const PAGES = (process.env.PAGES ?? '').split(',').filter(Boolean);
const REPORTS = process.env.LH_REPORTS;
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Performance score targets (0-100); accessibility is 100 everywhere. */
const TARGETS = { public: 90, dashboardMobile: 70, dashboardDesktop: 95, accessibility: 100 };

type FormFactor = 'mobile' | 'desktop';

interface Scenario {
  name: string;
  path: string;
  formFactor: FormFactor;
  authenticated: boolean;
  target: number;
}

interface Sample {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  jsBytes: number;
  unusedJsBytes: number;
  /** Opportunities and diagnostics that do not pass, as "title: display value" lines. */
  advice: string[];
}

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

function sampleOf(lhr: Result): Sample {
  const audits = lhr.audits;
  const summary = (audits['resource-summary']?.details ?? { items: [] }) as {
    items?: { resourceType: string; transferSize: number }[];
  };
  const unused = audits['unused-javascript']?.details as { overallSavingsBytes?: number } | undefined;
  // Opportunities and diagnostics (the metrics themselves are in the table), then accessibility failures.
  const failing = (category: string, skipGroup?: string) =>
    lhr.categories[category].auditRefs
      .filter((ref) => ref.group !== skipGroup)
      .map((ref) => audits[ref.id])
      .filter(
        (audit) => audit && audit.score !== null && audit.score < (category === 'performance' ? 0.9 : 1),
      );
  const advice = [
    ...failing('performance', 'metrics').map(
      (audit) => `${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''}`,
    ),
    ...failing('accessibility').map((audit) => {
      const items = (audit.details as { items?: unknown[] } | undefined)?.items?.length ?? 0;
      return `accessibility: ${audit.title} (${items} element${items === 1 ? '' : 's'})`;
    }),
  ];
  return {
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    lcpMs: audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbtMs: audits['total-blocking-time']?.numericValue ?? NaN,
    jsBytes: summary.items?.find((item) => item.resourceType === 'script')?.transferSize ?? 0,
    unusedJsBytes: unused?.overallSavingsBytes ?? 0,
    advice,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function main() {
  // Lighthouse and chrome-launcher are ES modules; this file runs as CommonJS (test/support/register-ts).
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  let chrome: LaunchedChrome | undefined;
  const world = await startPhoneWorld(WEB_DIST, async () => chrome?.kill());
  try {
    const { paths, cookie } = world;
    const all: Scenario[] = [
      {
        name: 'answer page (/q/…)',
        path: paths.answer,
        formFactor: 'mobile',
        authenticated: false,
        target: TARGETS.public,
      },
      {
        name: 'self-assessment form',
        path: paths.selfAssessment,
        formFactor: 'mobile',
        authenticated: false,
        target: TARGETS.public,
      },
      {
        name: 'login',
        path: paths.login,
        formFactor: 'mobile',
        authenticated: false,
        target: TARGETS.public,
      },
      ...(['mobile', 'desktop'] as const).flatMap((formFactor) =>
        [
          { name: 'dashboard overview', path: paths.overview },
          { name: 'value detail', path: paths.value },
        ].map((page): Scenario => ({
          ...page,
          formFactor,
          authenticated: true,
          target: formFactor === 'mobile' ? TARGETS.dashboardMobile : TARGETS.dashboardDesktop,
        })),
      ),
    ];
    const scenarios = all.filter((s) => !PAGES.length || PAGES.some((word) => s.name.includes(word)));

    if (REPORTS) mkdirSync(REPORTS, { recursive: true });
    console.log(
      `\nLighthouse ${JSON.parse(readFileSync(require.resolve('lighthouse/package.json'), 'utf8')).version}, ` +
        `median of ${RUNS} runs per page; mobile preset: simulated slow 4G (150 ms RTT, 1.6 Mbps) and 4x CPU; WEB_DIST=${WEB_DIST}\n`,
    );
    /**
     * One Lighthouse run in a fresh browser, as Lighthouse's CLI does. Now and then Chromium's trace
     * of a load lacks its navigation start (NO_NAVSTART, more often on busy cores): that run is done
     * again, up to twice.
     */
    const audit = async (scenario: Scenario) => {
      for (let attempt = 1; ; attempt++) {
        chrome = await launch({
          chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          chromeFlags: CHROME_FLAGS,
          logLevel: 'silent',
        });
        const flags: Flags = {
          port: chrome.port,
          logLevel: 'error',
          output: 'json',
          onlyCategories: ['performance', 'accessibility'],
          extraHeaders: scenario.authenticated ? { Cookie: `${cookie.name}=${cookie.value}` } : undefined,
        };
        const result = await lighthouse(
          `${world.api.url}${scenario.path}`,
          flags,
          scenario.formFactor === 'desktop' ? desktopConfig : undefined,
        );
        chrome.kill();
        chrome = undefined;
        if (!result) throw new Error(`Lighthouse gave no result for ${scenario.path}`);
        const error = result.lhr.runtimeError;
        if (!error) return result;
        if (attempt === 3) throw new Error(`${scenario.name}: ${error.message}`);
        console.log(`${scenario.name} (${scenario.formFactor}): ${error.code}, running it again`);
      }
    };
    const rows = [];
    const advice: string[] = [];
    for (const scenario of scenarios) {
      const samples: Sample[] = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await audit(scenario);
        samples.push(sampleOf(result.lhr));
        if (REPORTS) {
          const file = `${scenario.name.replace(/\W+/g, '-')}-${scenario.formFactor}-${run + 1}.json`;
          writeFileSync(join(REPORTS, file), result.report as string);
        }
      }
      const pick = (key: Exclude<keyof Sample, 'advice'>) => median(samples.map((s) => s[key]));
      const performance = pick('performance');
      const accessibility = pick('accessibility');
      rows.push({
        page: `${scenario.name} (${scenario.formFactor})`,
        performance: `${performance} (target ≥ ${scenario.target}: ${mark(performance >= scenario.target)})`,
        accessibility: `${accessibility} (target ${TARGETS.accessibility}: ${mark(accessibility >= TARGETS.accessibility)})`,
        LCP: seconds(pick('lcpMs')),
        TBT: `${Math.round(pick('tbtMs'))} ms`,
        'JS (transfer)': kb(pick('jsBytes')),
        'unused JS': kb(pick('unusedJsBytes')),
      });
      if (performance < scenario.target || accessibility < TARGETS.accessibility) {
        const medianRun = samples.find((s) => s.performance === performance) ?? samples[0];
        advice.push(
          `${scenario.name} (${scenario.formFactor}):`,
          ...medianRun.advice.map((line) => `  - ${line}`),
        );
      }
    }
    console.table(rows);
    if (advice.length)
      console.log(`\nWhat Lighthouse suggests where the target is missed:\n${advice.join('\n')}`);
  } finally {
    await world.close();
  }
}

runBench(main);
