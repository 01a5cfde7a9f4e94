// Test driver: supervises the dummy children below in a state directory, with short backoffs.
import { fileURLToPath } from 'node:url';
import { supervise } from '../../../scripts/supervisor.mjs';

const [stateDir] = process.argv.slice(2);
const child = (name) => ({
  name,
  command: process.execPath,
  args: [fileURLToPath(import.meta.resolve(`./${name}.mjs`)), stateDir],
});
const supervisor = supervise([child('flaky'), child('steady')], {
  baseDelayMs: 50,
  maxDelayMs: 400,
  stableMs: Number(process.env.STABLE_MS ?? 60_000),
  stdio: ['ignore', 'inherit', 'inherit'],
});
process.on('SIGTERM', () => supervisor.stop().then(() => process.exit(0)));
