#!/usr/bin/env node
// The one test command: lint and typecheck, unit and integration tests, then the browser tests.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint + typecheck', ['run-many', '-t', 'lint', 'typecheck', '--outputStyle=static']],
  [
    'unit + integration tests',
    ['run-many', '-t', 'test', '--skip-nx-cache', '--parallel=2', '--outputStyle=static'],
  ],
  ['browser tests (Chromium)', ['run', 'system-tests:e2e', '--skip-nx-cache', '--outputStyle=static']],
];

const results = [];
for (const [name, args] of steps) {
  console.log(`\n=== ${name}: nx ${args.join(' ')}\n`);
  const run = spawnSync('npx', ['nx', ...args], {
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  results.push([name, run.status === 0]);
  if (run.status !== 0) break;
}
console.log('\n=== summary');
for (const [name, ok] of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
const passed = results.filter(([, ok]) => ok).length;
console.log(`steps: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === steps.length ? 0 : 1);
