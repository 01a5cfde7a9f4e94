import Redis from 'ioredis';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createSurvey, surveyWorld } from '../support/surveys';

/** The open link's per-network daily limit: a script that drops the cookie cannot stuff the survey. */
describe('open survey link: responses per network per day', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-open-link-limit`;
  const LIMIT = 5;
  let api: RunningApi;
  let redis: Redis;

  beforeAll(async () => {
    api = await startApi({
      QUEUE_PREFIX: prefix,
      TRUST_PROXY: '1',
      OPEN_LINK_RESPONSES_PER_IP: String(LIMIT),
    });
    redis = new Redis(api.config.REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await api.close();
  });

  it('accepts N answers from one IP without a cookie, refuses the next with 429, lets another IP answer and stores no IP', async () => {
    const { versionId, valueId, hr } = await surveyWorld(api, 'Open limiet');
    const survey = await createSurvey(hr, versionId);
    const code = survey.openLink.split('/').pop()!;
    // A fresh client each time: no cookie, as a script would send it.
    const answerFrom = (ip: string, grade: number | null = 8) =>
      new HttpClient(api.url).request(
        'POST',
        `/api/respond/open/${code}`,
        { grades: [{ valueId, grade }] },
        { 'x-forwarded-for': ip },
      );

    // An invalid answer is not stored, so it does not use up the allowance.
    const invalid = await new HttpClient(api.url).request(
      'POST',
      `/api/respond/open/${code}`,
      { grades: [{ valueId, grade: 11 }] },
      { 'x-forwarded-for': '203.0.113.7' },
    );
    expect(invalid.status).toBe(400);

    const statuses = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await answerFrom('203.0.113.7')).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(204), 429]);
    const refused = await answerFrom('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('too_many_responses');

    expect((await answerFrom('198.51.100.4')).status).toBe(204);

    const rows: { row: string }[] = await api.db.query(
      `SELECT row_to_json(r)::text AS row FROM survey_responses r WHERE r.survey_id = $1`,
      [survey.id],
    );
    expect(rows).toHaveLength(LIMIT + 1);
    for (const { row } of rows) {
      expect(row).not.toContain('203.0.113.7');
      expect(row).not.toContain('198.51.100.4');
    }
    const ipColumns = await api.db.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name LIKE 'survey_response%' AND data_type = 'inet'`,
    );
    expect(ipColumns).toEqual([]);
    // The Redis counters are keyed by a keyed hash: neither the IP nor the link can be read back.
    const keys = await redis.keys(`${prefix}:open-link:*`);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      expect(key).not.toContain('203.0.113.7');
      expect(key).not.toContain(code);
      expect(await redis.ttl(key)).toBeGreaterThan(0);
    }
  });
});
