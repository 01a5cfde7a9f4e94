import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

/**
 * The worker in its own process (test/support/worker-process.js, compiled from source), as it runs
 * in production next to the api; resolves once it is ready, so a bench can also kill it.
 */
export function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = fork(join(__dirname, '..', 'support', 'worker-process.js'), [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => (m === 'ready' ? resolve(child) : reject(new Error(String(m)))));
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

/** Resolves when the child has ended (at once if it already has). */
export const exited = (child: ChildProcess) =>
  new Promise<void>((done) =>
    child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done()),
  );
