/**
 * The worker as its own process, straight from source, for tests that kill it (SIGKILL) mid-job:
 * (started by worker-process.js, which sets up ts-node and the path aliases).
 */
import 'reflect-metadata';
import { createWorker, loadConfig } from '@wk/api-testing';

createWorker(loadConfig())
  .then(() => process.send?.('ready'))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
