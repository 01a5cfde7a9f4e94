#!/usr/bin/env node
// Starts the built api (which also serves the dashboard) and the worker. A child that crashes is
// restarted with backoff (see supervisor.mjs); Ctrl+C or SIGTERM stops both.
// API_PROCESSES=n: the api runs n processes on one port (node:cluster, in main.ts);
// WORKER_PROCESSES=n: n workers (docs/scale.md).
import { supervise } from './supervisor.mjs';

function count(name) {
  const value = Number(process.env[name] ?? 1);
  if (!Number.isInteger(value) || value < 1 || value > 64) {
    console.error(`${name} must be a whole number from 1 to 64`);
    process.exit(1);
  }
  return value;
}

const node = (entry, name) => ({
  name,
  command: process.execPath,
  args: ['--enable-source-maps', `dist/apps/api/${entry}.js`],
});
const workers = count('WORKER_PROCESSES');
const supervisor = supervise(
  [
    node('main', 'api'),
    ...Array.from({ length: workers }, (_, i) => node('worker', workers > 1 ? `worker-${i + 1}` : 'worker')),
  ],
  // The api finishes the requests in flight before it stops (up to 10 s).
  { stopTimeoutMs: 15_000 },
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    supervisor.stop().then(() => process.exit(0));
  });
