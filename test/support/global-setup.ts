// globalSetup runs outside Jest's module mapping, so it imports by path.
// eslint-disable-next-line no-restricted-imports
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';

/** A fresh database per test run, migrated once; teardown drops it. */
export default async function globalSetup(): Promise<void> {
  const name = `wk_test_${Date.now()}_${process.pid}`;
  const base = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
  process.env.DATABASE_URL = `${base}/${name}`;
  process.env.QUEUE_PREFIX = `wk-test-${process.pid}-${Date.now()}`;
  process.env.NODE_ENV = 'test';
  process.env.DEMO = '0';
  process.env.WEB_DIST = process.env.WEB_DIST ?? '';
  // Many sign-ins from 127.0.0.1 in one run; the rate-limit test sets its own low limit.
  process.env.LOGIN_LIMIT_PER_IP = '100000';
  await prepareDatabase(process.env.DATABASE_URL);
}
