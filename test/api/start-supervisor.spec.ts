import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually } from '../support/harness';

/** scripts/start.mjs's supervisor, run for real with dummy children (test/support/supervisor). */
describe('process supervisor (npm start)', () => {
  const driver = resolve(__dirname, '../support/supervisor/run.mjs');

  function run(env: Record<string, string> = {}) {
    const stateDir = mkdtempSync(join(tmpdir(), 'wk-supervisor-'));
    const proc = spawn(process.execPath, [driver, stateDir], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let log = '';
    proc.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const lines = (name: string, what: string) => {
      const file = join(stateDir, `${name}.${what}`);
      return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map(Number) : [];
    };
    return { proc, lines, log: () => log };
  }

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const exited = (proc: ChildProcess) =>
    new Promise<number | null>((done) =>
      proc.exitCode !== null ? done(proc.exitCode) : proc.once('exit', (code) => done(code)),
    );

  /** Cleanup after a failed assertion: the supervisor takes its children down with it. */
  const stop = async (proc: ChildProcess) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGTERM');
    await exited(proc);
  };

  it('restarts a crashing child with growing backoff, never touches the steady one, and SIGTERM stops both', async () => {
    const { proc, lines, log } = run();
    try {
      const [flakyPid] = await eventually(
        async () => lines('flaky', 'running').length === 1 && lines('flaky', 'running'),
      );
      const [steadyPid] = await eventually(
        async () => lines('steady', 'running').length === 1 && lines('steady', 'running'),
      );
      expect(lines('flaky', 'starts')).toHaveLength(3);
      expect(log()).toContain('flaky exited (code 3); restart 1 in 50 ms');
      expect(log()).toContain('flaky exited (code 3); restart 2 in 100 ms');
      expect(log()).not.toContain('steady exited');
      expect(lines('steady', 'starts')).toEqual([steadyPid]);
      expect(alive(steadyPid)).toBe(true);

      proc.kill('SIGTERM');
      expect(await exited(proc)).toBe(0);
      expect(lines('flaky', 'stopped')).toEqual([flakyPid]);
      expect(lines('steady', 'stopped')).toEqual([steadyPid]);
      expect([alive(flakyPid), alive(steadyPid)]).toEqual([false, false]);
    } finally {
      await stop(proc);
    }
  });

  it('starts the backoff over once a child has run stably', async () => {
    const { proc, lines, log } = run({ STABLE_MS: '300' });
    try {
      const [firstRun] = await eventually(
        async () => lines('flaky', 'running').length === 1 && lines('flaky', 'running'),
      );
      // The reset that belongs to this run (a slow crashing start could have had its own).
      await eventually(async () =>
        log().split(`started flaky (pid ${firstRun})`)[1]?.includes('flaky has run stably; backoff reset'),
      );
      process.kill(firstRun, 'SIGKILL');
      await eventually(async () => lines('flaky', 'running').length === 2);
      // Without the reset this third restart would wait 200 ms.
      expect(log()).toContain('flaky exited (SIGKILL); restart 3 in 50 ms');
      expect(lines('steady', 'starts')).toHaveLength(1);
      proc.kill('SIGTERM');
      expect(await exited(proc)).toBe(0);
    } finally {
      await stop(proc);
    }
  });
});
