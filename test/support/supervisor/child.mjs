// Shared by the dummy children: count starts, say when running, note a clean stop.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';

export function runChild(name, { crashFirst = 0 } = {}) {
  const stateDir = process.argv[2];
  const file = (what) => join(stateDir, `${name}.${what}`);
  appendFileSync(file('starts'), `${process.pid}\n`);
  const starts = readFileSync(file('starts'), 'utf8').trim().split('\n').length;
  if (starts <= crashFirst) process.exit(3);
  appendFileSync(file('running'), `${process.pid}\n`);
  const alive = setInterval(() => {}, 1000);
  process.on('SIGTERM', () => {
    clearInterval(alive);
    appendFileSync(file('stopped'), `${process.pid}\n`);
    process.exit(0);
  });
}
