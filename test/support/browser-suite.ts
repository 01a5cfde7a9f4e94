import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { closePage, launchChromium, newPage, signIn } from './browser';
import { createWorld, TEST_PASSWORD, type World } from './factories';
import { startApi, startWorker, type RunningApi } from './harness';

export interface BrowserSuiteOptions {
  /** Creates an organisation of that name with its HR, manager and employee (see createWorld). */
  organisation?: string;
  /** Extra environment for the api (and worker); mail stays in the outbox unless SMTP_URL is set. */
  env?: Record<string, string | undefined>;
  /** Also start a worker, as in production (rounds, imports, mail). */
  worker?: boolean;
  /** Runs before anything closes, e.g. to archive what would otherwise keep firing. */
  beforeClose?: (suite: BrowserSuite) => Promise<void>;
}

/** What a browser test file shares: filled in by the hooks browserSuite registers. */
export interface BrowserSuite {
  api: RunningApi;
  world: World;
  browser: Browser;
  worker?: INestApplicationContext;
  /** A fresh page (own cookies) per test, closed after it. */
  page: Page;
  /** Signs in with the test password; with `context` on a new page of its own (e.g. a phone viewport). */
  signIn(email: string, context?: BrowserContextOptions): Promise<void>;
  /** Replaces the test's page by one in a context of its own (a phone, downloads); returns it. */
  open(context: BrowserContextOptions): Promise<Page>;
}

/**
 * The one set-up of a browser test file: the api serving the built dashboard, optionally a worker
 * and an organisation, Chromium, and a fresh page per test. Call it at the top of a describe block.
 */
export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  const env = { WEB_DIST: 'dist/apps/web', SMTP_URL: undefined, ...options.env };
  const suite = {
    async open(context: BrowserContextOptions) {
      await closePage(suite.page);
      suite.page = await newPage(suite.browser, context);
      return suite.page;
    },
    async signIn(email: string, context?: BrowserContextOptions) {
      if (context) await suite.open(context);
      await signIn(suite.page, suite.api.url, email, TEST_PASSWORD);
    },
  } as BrowserSuite;

  beforeAll(async () => {
    suite.api = await startApi(env);
    if (options.worker) suite.worker = await startWorker(env);
    if (options.organisation) suite.world = await createWorld(suite.api.db, options.organisation);
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    if (suite.api) await options.beforeClose?.(suite);
    await suite.browser?.close();
    await suite.worker?.close();
    await suite.api?.close();
  });
  beforeEach(async () => {
    suite.page = await newPage(suite.browser);
  });
  afterEach(() => closePage(suite.page));
  return suite;
}
