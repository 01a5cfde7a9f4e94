// Keeps a set of child processes running: a child that exits is started again after an exponential
// backoff (1 s, 2 s, 4 s … capped at 30 s, back to 1 s once it has run stably for a minute), so a
// crashing worker never takes the api down. stop() ends them all (SIGTERM, then SIGKILL).
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';

/** The wait before restart number `attempt` (0-based). */
export function backoffDelay(attempt, { baseDelayMs = 1000, maxDelayMs = 30_000 } = {}) {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempt, 30));
}

/**
 * @param {{ name: string, command: string, args?: string[], env?: NodeJS.ProcessEnv }[]} commands
 * @param {{ baseDelayMs?: number, maxDelayMs?: number, stableMs?: number, stopTimeoutMs?: number,
 *   log?: (line: string) => void, stdio?: import('node:child_process').StdioOptions }} options
 */
export function supervise(commands, options = {}) {
  const {
    stableMs = 60_000,
    stopTimeoutMs = 5000,
    log = (line) => console.log(`[supervisor] ${line}`),
    stdio = 'inherit',
  } = options;
  let stopping = false;

  const slots = commands.map((spec) => {
    const slot = { spec, child: null, attempt: 0, restarts: 0, restartTimer: null, stableTimer: null };
    start(slot);
    return slot;
  });

  function start(slot) {
    const { name, command, args = [], env = process.env } = slot.spec;
    const child = spawn(command, args, { stdio, env });
    slot.child = child;
    log(`started ${name} (pid ${child.pid})`);
    slot.stableTimer = setTimeout(() => {
      if (slot.attempt > 0) log(`${name} has run stably; backoff reset`);
      slot.attempt = 0;
    }, stableMs);
    child.on('error', (error) => log(`${name} could not start: ${error.message}`));
    child.on('exit', (code, signal) => {
      clearTimeout(slot.stableTimer);
      slot.child = null;
      if (stopping) return;
      const delay = backoffDelay(slot.attempt, options);
      slot.attempt += 1;
      slot.restarts += 1;
      log(`${name} exited (${signal ?? `code ${code}`}); restart ${slot.restarts} in ${delay} ms`);
      slot.restartTimer = setTimeout(() => {
        slot.restartTimer = null;
        if (!stopping) start(slot);
      }, delay);
    });
  }

  /** Ends every child: SIGTERM, and SIGKILL for any still running after stopTimeoutMs. */
  function stop() {
    stopping = true;
    return Promise.all(
      slots.map((slot) => {
        clearTimeout(slot.restartTimer);
        clearTimeout(slot.stableTimer);
        const child = slot.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return null;
        return new Promise((resolve) => {
          const kill = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        });
      }),
    ).then(() => log('stopped'));
  }

  return { stop, pids: () => slots.map((slot) => slot.child?.pid ?? null) };
}
