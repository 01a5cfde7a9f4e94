import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { drainOnSignals, isFirstApiProcess, runApiCluster } from './app/api-processes';
import { createApi } from './app/bootstrap';
import { loadConfig } from './config/config';
import { DemoSeedService } from './demo/demo-seed.service';
import { SetupService } from './platform/setup.service';

async function main() {
  const config = loadConfig();
  // Several api processes on this machine's cores, one port (docs/scale.md).
  if (config.API_PROCESSES > 1 && cluster.isPrimary) return runApiCluster(config.API_PROCESSES);
  const app = await createApi(config);
  drainOnSignals(app);
  const demo = app.get(DemoSeedService);
  await demo.seedIfEmpty();
  await app.listen(config.PORT);
  // The rest is said once per start, by the first of several api processes.
  if (!isFirstApiProcess()) return;
  // Without the demo, a fresh database has no organisation: print the one-time setup token.
  await app.get(SetupService).announceIfNeeded();
  const logger = new Logger('Waardenkompas');
  logger.log(`API and dashboard on ${config.publicUrl} (OpenAPI: ${config.publicUrl}/api/docs)`);
  if (config.demoEnabled) logger.log(demo.credentials());
  if (!config.SMTP_URL) logger.log('SMTP_URL is not set: mail stays in the outbox (Outbox page, admin)');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
