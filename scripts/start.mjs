#!/usr/bin/env node
// Starts the built api (which also serves the dashboard) and the worker. A child that crashes is
// restarted with backoff (see supervisor.mjs); Ctrl+C or SIGTERM stops both.
import { supervise } from './supervisor.mjs';

const node = (entry) => ({
  name: entry === 'main' ? 'api' : entry,
  command: process.execPath,
  args: ['--enable-source-maps', `dist/apps/api/${entry}.js`],
});
const supervisor = supervise([node('main'), node('worker')]);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    supervisor.stop().then(() => process.exit(0));
  });
