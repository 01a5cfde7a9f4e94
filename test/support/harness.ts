import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { AppConfig, createApi, createWorker, loadConfig } from '@wk/api-testing';

export interface RunningApi {
  url: string;
  app: INestApplication;
  config: AppConfig;
  db: DataSource;
  close(): Promise<void>;
}

/** The real api on a random port, against this run's database and Redis prefix. */
export async function startApi(env: Record<string, string | undefined> = {}): Promise<RunningApi> {
  const config = loadConfig({ ...process.env, PORT: '0', ...env });
  const app = await createApi(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, app, config, db: app.get(DataSource), close: () => app.close() };
}

export async function startWorker(
  env: Record<string, string | undefined> = {},
): Promise<INestApplicationContext> {
  return createWorker(loadConfig({ ...process.env, ...env }));
}

/** Polls until `check` returns a truthy value, for work that finishes asynchronously (queues, mail). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
