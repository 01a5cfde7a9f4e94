import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createWorker } from './app/bootstrap';
import { loadConfig } from './config/config';

async function main() {
  const config = loadConfig();
  await createWorker(config);
  new Logger('Worker').log(
    `Worker running (queues prefix "${config.QUEUE_PREFIX}", SMTP ${config.SMTP_URL ? 'on' : 'off'})`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
