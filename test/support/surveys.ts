import type { DataSource } from 'typeorm';
import { createPublishedValueSet, createWorld, TEST_PASSWORD, World } from './factories';
import type { RunningApi } from './harness';
import { HttpClient } from './http-client';

/** An organisation with a published value set of two values, signed-in HR and admin clients. */
export async function surveyWorld(api: RunningApi, name: string) {
  const world = await createWorld(api.db, name);
  const values = await createPublishedValueSet(api.db, world.organisationId);
  const [second] = await api.db.query(
    `SELECT id FROM experience_values WHERE version_id = $1 AND key = 'betrouwbaar'`,
    [values.versionId],
  );
  const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
  const admin = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
  return { world, versionId: values.versionId, valueId: second.id as string, hr, admin };
}

export async function createSurvey(hr: HttpClient, versionId: string, extra: Record<string, unknown> = {}) {
  const res = await hr.post('/api/surveys', { name: 'Klantbeleving', valuesVersionId: versionId, ...extra });
  if (res.status !== 201) throw new Error(`survey not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; openLink: string; valuesVersionId: string };
}

export const csv = (...lines: string[]) => ['email;segment;team;taal', ...lines].join('\n');

/** The single-use token in a link such as http://host/r/<token>?lang=nl. */
export const tokenOf = (link: URL | string) => new URL(String(link)).pathname.split('/').pop()!;

/** The survey link in the newest stored invitation mail to `email` (the outbox holds the text). */
export async function linkFromOutbox(db: DataSource, organisationId: string, email: string): Promise<URL> {
  const [mail] = await db.query(
    `SELECT text_body FROM outbox_messages WHERE organisation_id = $1 AND to_address = $2 AND kind = 'survey-invite'
      ORDER BY created_at DESC LIMIT 1`,
    [organisationId, email],
  );
  if (!mail) throw new Error(`no survey invitation to ${email}`);
  return new URL(/https?:\/\/\S+\/r\/\S+/.exec(mail.text_body)![0]);
}

export type { World };
