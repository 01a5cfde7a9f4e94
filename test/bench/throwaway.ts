import Redis from 'ioredis';
import { Client } from 'pg';

/**
 * A benchmark's own database and Redis key prefix on the local servers, named after the moment it
 * started, and what removes them again.
 */
export function throwaway() {
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const stamp = Date.now();
  const database = `wk_bench_${stamp}`;
  const base = `${server.protocol}//${server.username}@${server.host}`;
  return {
    database,
    databaseUrl: `${base}/${database}`,
    adminUrl: `${base}/postgres`,
    prefix: `wk-bench-${stamp}`,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}

export type Throwaway = ReturnType<typeof throwaway>;

/**
 * The api's environment on a throwaway database and queue prefix: no demo data, no dashboard, a
 * free port and quiet logs (NODE_ENV=test: warnings and errors only). Without SMTP_URL, mails stay
 * in the outbox as `held`. `extra` adds or overrides settings.
 */
export function benchApiEnv(target: Throwaway, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { SMTP_URL: _smtp, ...inherited } = process.env;
  return {
    ...inherited,
    DATABASE_URL: target.databaseUrl,
    QUEUE_PREFIX: target.prefix,
    DEMO: '0',
    NODE_ENV: 'test',
    WEB_DIST: '',
    PORT: '0',
    ...extra,
  };
}

/**
 * The settings of an api or worker process on the throwaway under load: no demo data, no dashboard,
 * no mail server (mails stay `held`), quiet logs, and the per-IP rate limits far above what a load
 * test sends from its one address (they guard the public pages, not what is measured).
 */
export function loadTestEnv(target: Throwaway): Record<string, string> {
  return {
    DATABASE_URL: target.databaseUrl,
    QUEUE_PREFIX: target.prefix,
    NODE_ENV: 'test',
    DEMO: '0',
    WEB_DIST: '',
    SMTP_URL: '',
    OPEN_LINK_RESPONSES_PER_IP: '1000000',
    PUBLIC_LIMIT_PER_IP: '1000000',
    LOGIN_LIMIT_PER_IP: '100000',
  };
}

export async function dropDatabase(target: Throwaway): Promise<void> {
  const admin = new Client({ connectionString: target.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(target.database)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function deleteRedisKeys(target: Throwaway): Promise<void> {
  const redis = new Redis(target.redisUrl);
  try {
    let cursor = '0';
    let rounds = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${target.prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0' && ++rounds < 100_000);
  } finally {
    await redis.quit();
  }
}

/** Ctrl+C or a kill still cleans up before the process ends; returns what stops listening. */
export function cleanUpOnSignals(cleanup: () => Promise<unknown>): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** Runs a benchmark's main and exits with its outcome (open pools and queues would keep Node alive). */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** A bench setting from the environment: a number of at least `min`, whole unless `fraction`. */
export function envNumber(name: string, fallback: number, min = 0, { fraction = false } = {}): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min}`);
  return fraction ? value : Math.floor(value);
}
