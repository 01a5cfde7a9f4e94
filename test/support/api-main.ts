/**
 * The api as its own process, straight from source (started by api-process.js, which sets up
 * ts-node and the path aliases): listens on a free port and reports it to the parent. SIGTERM
 * stops it the way the product's own entry point does (apps/api/src/main.ts).
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApi, drainOnSignals, loadConfig } from '@wk/api-testing';

createApi(loadConfig())
  .then(async (app) => {
    drainOnSignals(app);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    process.send?.({ port });
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
