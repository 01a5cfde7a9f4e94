#!/usr/bin/env node
// Starts the built api (which also serves the dashboard) and the worker, and stops both together.
import { spawn } from 'node:child_process';

const processes = ['main', 'worker'].map((entry) =>
  spawn(process.execPath, ['--enable-source-maps', `dist/apps/api/${entry}.js`], {
    stdio: 'inherit',
    env: process.env,
  }),
);

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of processes) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(
    processes.map((child) => (child.exitCode !== null ? null : new Promise((r) => child.once('exit', r)))),
  ).then(() => process.exit(code));
}

for (const child of processes) child.on('exit', (code) => stopAll(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));
