import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createWorker, rebuildKpis } from './app/bootstrap';
import { loadConfig } from './config/config';

/** The worker; `--rebuild-kpis` instead recomputes every KPI rollup from the raw answers and exits. */
async function main() {
  const config = loadConfig();
  const logger = new Logger('Worker');
  if (process.argv.includes('--rebuild-kpis')) {
    const started = Date.now();
    const { rounds, months } = await rebuildKpis(config);
    logger.log(
      `Rebuilt the KPI rollups of ${rounds} round(s) and ${months} month(s) in ${Date.now() - started} ms`,
    );
    return;
  }
  await createWorker(config);
  logger.log(
    `Worker running (queues prefix "${config.QUEUE_PREFIX}", SMTP ${config.SMTP_URL ? 'on' : 'off'})`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
