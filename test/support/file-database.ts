import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Every test file works on its own copy of the run's migrated database and its own queue prefix
 * (jest gives each file its own `process.env`). Workers re-queue unsent mail, sync schedulers and sweep rollups for the whole
 * database they start on, as they must in production; on a shared database a worker of one file
 * sent another file's mails and slowed its retries (seen in CI). A copy from the template is fast.
 */
const template = new URL(process.env.DATABASE_URL as string);
const templateName = template.pathname.slice(1);
const fileDatabase = `${templateName}_${randomBytes(4).toString('hex')}`;
const queuePrefix = process.env.QUEUE_PREFIX as string;

async function onServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(template);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await onServer(async (client) => {
    // Two files copying the template at the same moment: PostgreSQL refuses the second (55006); retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(
          `CREATE DATABASE ${client.escapeIdentifier(fileDatabase)} TEMPLATE ${client.escapeIdentifier(templateName)}`,
        );
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  const own = new URL(template);
  own.pathname = `/${fileDatabase}`;
  process.env.DATABASE_URL = own.toString();
  // Queues too: a job queued by one file's api must not reach another file's worker (another database).
  process.env.QUEUE_PREFIX = `${queuePrefix}-${fileDatabase.slice(-8)}`;
});

afterAll(async () => {
  await onServer((client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(fileDatabase)} WITH (FORCE)`),
  );
  process.env.DATABASE_URL = template.toString();
  process.env.QUEUE_PREFIX = queuePrefix;
});
