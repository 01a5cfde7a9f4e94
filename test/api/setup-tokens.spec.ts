import { SetupService } from '@wk/api-testing';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

/**
 * First-run setup with several api processes (docs/scale.md): replicas started together on an
 * empty database each print a token and each of those works; a later start revokes older tokens;
 * the first setup spends them all.
 */
describe('setup tokens of several api processes', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
  });
  afterAll(() => api.close());

  it('accepts the token of any process started together, not one a later start revoked', async () => {
    const setup = api.app.get(SetupService);
    const body = (token: string) => ({
      token,
      organisation: { name: 'Twee Replica’s', locale: 'nl', timeZone: 'Europe/Amsterdam' },
      admin: { name: 'Beheer', email: 'beheer@replicas.test', password: 'Een-goed-wachtwoord-1' },
    });
    const anonymous = new HttpClient(api.url);

    // An earlier deployment's token, then a start three minutes later: the old one is revoked.
    const old = (await setup.announceIfNeeded())!;
    await api.db.query(`UPDATE platform_setup_tokens SET created_at = created_at - interval '3 minutes'`);
    const first = (await setup.announceIfNeeded())!;
    const second = (await setup.announceIfNeeded())!;
    expect(new Set([old, first, second]).size).toBe(3);
    const revoked = await anonymous.post('/api/setup', body(old));
    expect(revoked.status).toBe(400);
    expect(revoked.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);

    // Two replicas started together: the first one's token works, though the second printed later.
    const done = await anonymous.post('/api/setup', body(first));
    expect(done.status).toBe(201);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM platform_setup_tokens`);
    expect(n).toBe(0);
    const spent = await anonymous.post('/api/setup', body(second));
    expect([spent.status, spent.body.code]).toEqual([409, 'already_set_up']);
    expect(await setup.announceIfNeeded()).toBeNull();
  });
});
