import type { INestApplicationContext } from '@nestjs/common';
import { eventually, startApi, startWorker, type RunningApi } from './harness';
import type { SmtpSink } from './smtp-sink';

/** The api and a worker on a queue prefix of their own, mailing over SMTP to `smtp` (started here). */
export async function startApiWithWorker(
  smtp: SmtpSink,
  prefix: string,
): Promise<{ api: RunningApi; worker: INestApplicationContext }> {
  const env = { SMTP_URL: await smtp.start(), QUEUE_PREFIX: prefix };
  const api = await startApi(env);
  return { api, worker: await startWorker(env) };
}

/** Closes what startApiWithWorker started: the worker first, then the api and the SMTP sink. */
export async function closeApiWithWorker(parts: {
  api: RunningApi;
  worker?: INestApplicationContext;
  smtp: SmtpSink;
}): Promise<void> {
  await parts.worker?.close();
  await parts.api.close();
  await parts.smtp.stop();
}

/** Waits until every mail of the organisation in the outbox is delivered. */
export function allMailSent(api: RunningApi, organisationId: string, timeoutMs?: number): Promise<boolean> {
  return eventually(async () => {
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE organisation_id = $1 AND status <> 'sent'`,
      [organisationId],
    );
    return n === 0;
  }, timeoutMs);
}
