import { TEST_PASSWORD } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient, type HttpResponse } from '../support/http-client';
import { createSurvey, surveyWorld } from '../support/surveys';

interface Comment {
  text: string;
  submittedAt: string;
  survey: { id: string; name: string };
  journey: { id: string; name: string; nameEn: string | null } | null;
  touchpoint: { id: string; name: string; nameEn: string | null } | null;
}

/**
 * Reading customer comments (issue 17, item 10): `GET /api/comments` pages, searches and filters
 * the comments of cells (wave or open link × journey × touchpoint) at or above the comment minimum.
 */
/** `/api/comments?…` with the given query. */
const commentsUrl = (query: Record<string, string | number> = {}) =>
  `/api/comments?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`;

describe('reading customer comments', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  /**
   * Minimum 4. Journey Verhuizen (Moving) with touchpoints Bellen, Sleutel and Balie.
   * Wave 1: Bellen 6 answers (released), Sleutel 5 (released on its own, but withheld together with
   * Balie 1 so that no single answer is left over), Balie 1 (withheld).
   * The open link on Bellen: 25 answers in November, 5 in October, for paging and the period filter.
   */
  async function readingWorld() {
    const { world, versionId, valueId, hr, admin } = await surveyWorld(api, 'Lezen');
    const org = world.organisationId;
    await api.db.query(`UPDATE organisations SET comment_minimum = 4 WHERE id = $1`, [org]);
    const journey = await hr.post('/api/journeys', {
      name: 'Verhuizen',
      nameEn: 'Moving house',
      touchpoints: [
        { name: 'Bellen', nameEn: 'Calling', channel: 'phone' },
        { name: 'Sleutel', channel: 'desk' },
        { name: 'Balie', channel: 'desk' },
      ],
    });
    expect(journey.status).toBe(201);
    const [bellen, sleutel, balie] = journey.body.touchpoints as { id: string }[];
    const survey = await createSurvey(hr, versionId, { name: 'Verhuismeting', journeyId: journey.body.id });
    const [wave] = await api.db.query(
      `INSERT INTO survey_waves (organisation_id, survey_id, kind, closes_at)
       VALUES ($1, $2, 'upload', now() + interval '1 day') RETURNING id`,
      [org, survey.id],
    );
    const respond = async (
      wave: string | null,
      touchpoint: string,
      day: string,
      comments: (string | null)[],
      grade: number | null = 7,
    ) => {
      const rows: { id: string }[] = await api.db.query(
        `INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, wave_id, channel, locale,
                                       journey_id, touchpoint_id, comment, submitted_at)
         SELECT $1, $2, $3, $4, CASE WHEN $4::uuid IS NULL THEN 'open' ELSE 'email' END, 'nl', $5, $6, c,
                timezone('Europe/Amsterdam', $7::timestamp)
           FROM unnest($8::text[]) AS c RETURNING id`,
        [org, survey.id, versionId, wave, journey.body.id, touchpoint, day, comments],
      );
      await api.db.query(
        `INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade)
         SELECT $1, id, $2, $3 FROM unnest($4::uuid[]) AS id`,
        [org, valueId, grade, rows.map((r) => r.id)],
      );
    };
    await respond(wave.id, bellen.id, '2026-11-20', [
      'Parkeren was lastig',
      'Snel geholpen',
      'Vriendelijk',
      'Goed',
      null,
      '',
    ]);
    await respond(wave.id, sleutel.id, '2026-11-20', [
      'Sleutel kwijt 1',
      'Sleutel 2',
      'Sleutel 3',
      'Sleutel 4',
      'Sleutel 5',
    ]);
    await respond(wave.id, balie.id, '2026-11-20', ['Parkeren bij de balie: 100% onmogelijk']);
    const november = Array.from({ length: 25 }, (_, i) => `Open november ${String(i).padStart(2, '0')}`);
    for (const [i, text] of november.entries())
      await respond(
        null,
        bellen.id,
        `2026-11-${String(1 + (i % 15)).padStart(2, '0')}`,
        [text],
        i < 3 ? null : 8,
      );
    await respond(null, bellen.id, '2026-10-31', [
      'Oktober 1',
      'Oktober 2',
      'Oktober 100%',
      'Oktober 4',
      'Oktober 5',
    ]);
    return { world, hr, admin, survey, journey: journey.body, bellen, sleutel, balie, november, valueId };
  }

  const texts = (body: { comments: Comment[] }) => body.comments.map((c) => c.text);

  it('pages every released comment newest first without gaps or repeats; withheld cells never show', async () => {
    const { hr, admin, survey, journey, bellen } = await readingWorld();
    for (const client of [hr, admin]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: HttpResponse = await client.get(
          commentsUrl({ surveyId: survey.id, limit: 10, ...(cursor ? { cursor } : {}) }),
        );
        expect(res.status).toBe(200);
        expect(res.body.minimum).toBe(4);
        expect(res.body.total).toBe(34);
        expect(res.body.withheld).toBe(true);
        expect(res.body.comments.length).toBeLessThanOrEqual(10);
        seen.push(...texts(res.body));
        const days = res.body.comments.map((c: Comment) => c.submittedAt);
        expect([...days].sort().reverse()).toEqual(days);
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(34);
      // Bellen of the wave (4 comments) + the open link (30); Sleutel and Balie never.
      expect(seen.filter((t) => t.startsWith('Sleutel') || t.includes('balie'))).toEqual([]);
      expect(seen).toContain('Parkeren was lastig');
    }
    const first = await hr.get(commentsUrl({ surveyId: survey.id, limit: 1 }));
    expect(first.body.comments[0]).toEqual({
      text: expect.any(String),
      submittedAt: new Date('2026-11-19T23:00:00Z').toISOString(),
      survey: { id: survey.id, name: 'Verhuismeting' },
      journey: { id: journey.id, name: 'Verhuizen', nameEn: 'Moving house' },
      touchpoint: { id: bellen.id, name: 'Bellen', nameEn: 'Calling' },
    });
  });

  it('searches the text (wildcards match themselves) and filters by touchpoint, value and period', async () => {
    const { hr, survey, sleutel, bellen, journey } = await readingWorld();
    const get = async (query: Record<string, string | number>) => {
      const res = await hr.get(commentsUrl({ surveyId: survey.id, limit: 100, ...query }));
      expect([query, res.status]).toEqual([query, 200]);
      return res.body as { comments: Comment[]; total: number; withheld: boolean };
    };
    // The withheld Balie comment also says "parkeren": the search never finds it, and never says so.
    const parking = await get({ q: 'PARKEREN' });
    expect(texts(parking)).toEqual(['Parkeren was lastig']);
    expect(parking.withheld).toBe(true);
    expect(texts(await get({ q: '100%' }))).toEqual(['Oktober 100%']);
    expect(texts(await get({ q: '_' }))).toEqual([]);
    expect((await get({ touchpointId: sleutel.id })).total).toBe(0);
    expect((await get({ touchpointId: bellen.id, journeyId: journey.id })).total).toBe(34);
    // Three open-link answers said "weet ik niet" to the value: not among its comments.
    expect((await get({ valueKey: 'betrouwbaar' })).total).toBe(31);
    const october = await get({ period: 'month', at: '2026-10' });
    expect(texts(october).sort()).toEqual([
      'Oktober 1',
      'Oktober 100%',
      'Oktober 2',
      'Oktober 4',
      'Oktober 5',
    ]);
    expect((await get({ period: 'quarter', at: '2026-Q4' })).total).toBe(34);
    expect((await get({ period: 'quarter', at: '2026-Q3' })).total).toBe(0);
    // Without a survey: every survey of the organisation.
    expect((await hr.get(commentsUrl({ q: 'november 07' }))).body.comments).toHaveLength(1);
  });

  it('refuses bad input with 400 naming the field, foreign or unknown filters with 404, other roles with 403', async () => {
    const { world, hr, survey } = await readingWorld();
    for (const [query, field] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 101 }, 'limit'],
      [{ q: 'x'.repeat(201) }, 'q'],
      [{ cursor: 'not a cursor!' }, 'cursor'],
      [{ cursor: Buffer.from('["x","y"]').toString('base64url') }, 'cursor'],
      [
        { cursor: Buffer.from('["0","------------------------------------"]').toString('base64url') },
        'cursor',
      ],
      [
        {
          cursor: Buffer.from(
            `["2026-02-30T00:00:00.000Z","${'1'.repeat(8)}-1111-4111-8111-${'1'.repeat(12)}"]`,
          ).toString('base64url'),
        },
        'cursor',
      ],
      [{ cursor: Buffer.from('5').toString('base64url') }, 'cursor'],
      [{ at: '2026-11' }, 'period'],
      [{ period: 'month', at: '2026-Q4' }, 'at'],
      [{ period: 'round', at: '2026-11' }, 'period'],
      [{ surveyId: 'nope' }, 'surveyId'],
      [{ valueKey: 'Not A Key' }, 'valueKey'],
    ] as const) {
      const res = await hr.get(commentsUrl(query));
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const other = await surveyWorld(api, 'Vreemd');
    const foreign = await createSurvey(other.hr, other.versionId);
    expect((await hr.get(commentsUrl({ surveyId: foreign.id }))).status).toBe(404);
    expect((await hr.get(commentsUrl({ valueKey: 'onbekend' }))).status).toBe(404);
    expect((await other.hr.get(commentsUrl({ surveyId: survey.id }))).status).toBe(404);
    // Another organisation reads only its own (none).
    expect((await other.hr.get('/api/comments')).body).toMatchObject({
      total: 0,
      comments: [],
      withheld: false,
    });
    for (const role of ['manager', 'employee'] as const) {
      const client = await new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD);
      expect([role, (await client.get('/api/comments')).status]).toEqual([role, 403]);
    }
    expect((await new HttpClient(api.url).get('/api/comments')).status).toBe(401);
  });
});
