import cluster, { type Worker } from 'node:cluster';
import type { Server } from 'node:http';
import { INestApplication, Logger } from '@nestjs/common';

/** How long in-flight requests may take to finish once a stop was asked, before connections are cut. */
const DRAIN_MS = 10_000;

/**
 * Stops the api gracefully on SIGTERM/SIGINT (a rolling restart, `docker compose up` replacing a
 * replica): first no new connections and the requests in flight finish against a live database and
 * Redis, then Nest's shutdown hooks close the pools. Nest's own signal hooks would close the pools
 * first and fail the requests still running (docs/scale.md).
 */
export function drainOnSignals(app: INestApplication, drainMs = DRAIN_MS): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    new Logger('Shutdown').log(`${signal}: finishing requests in flight, then stopping`);
    const server = app.getHttpServer() as Server;
    await new Promise<void>((resolve) => {
      const cut = setTimeout(() => {
        server.closeAllConnections();
        resolve();
      }, drainMs);
      cut.unref();
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      server.closeIdleConnections();
    });
    const timer = setTimeout(() => process.exit(1), drainMs);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, (s) => void stop(s));
}

/** Environment variable a cluster worker gets: 1 for the first, which seeds and announces. */
export const API_PROCESS_INDEX = 'WK_API_PROCESS_INDEX';

/** True in the process that should do once-per-start work (seed the demo, print the setup token). */
export const isFirstApiProcess = (): boolean => cluster.isPrimary || process.env[API_PROCESS_INDEX] === '1';

/**
 * API_PROCESSES > 1: this primary process forks that many api processes (node:cluster) sharing the
 * one port, so the api uses every core of the machine. The first starts alone (migrations, demo seed),
 * the others once it listens. A process that dies is forked again after a growing pause; SIGTERM or
 * SIGINT stops them all, each finishing its requests first.
 */
export function runApiCluster(processes: number): void {
  const logger = new Logger('ApiCluster');
  const indexOf = new Map<Worker, number>();
  const restarts = new Map<number, number>();
  let stopping = false;

  const fork = (index: number): Promise<void> => {
    const worker = cluster.fork({ [API_PROCESS_INDEX]: String(index) });
    indexOf.set(worker, index);
    const stable = setTimeout(() => restarts.set(index, 0), 60_000);
    worker.once('exit', () => clearTimeout(stable));
    return new Promise((resolve) => {
      worker.once('listening', () => resolve());
      worker.once('exit', () => resolve());
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const index = indexOf.get(worker) ?? 0;
    indexOf.delete(worker);
    if (stopping) {
      if (indexOf.size === 0) process.exit(0);
      return;
    }
    const attempt = restarts.get(index) ?? 0;
    restarts.set(index, attempt + 1);
    const delay = Math.min(30_000, 1000 * 2 ** attempt);
    logger.warn(
      `api process ${index} exited (${signal ?? `code ${code}`}); starting it again in ${delay} ms`,
    );
    setTimeout(() => void fork(index), delay);
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (indexOf.size === 0) process.exit(0);
    for (const worker of indexOf.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of indexOf.keys()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, DRAIN_MS + 5_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  logger.log(`Starting ${processes} api processes on one port (API_PROCESSES)`);
  void fork(1).then(async () => {
    for (let index = 2; index <= processes && !stopping; index++) await fork(index);
  });
}
