import { randomUUID } from 'node:crypto';
import { createPublishedValueSet, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
// The one in-process check: the service other modules use to validate a survey's context.
import { CustomerContextService } from '@wk/api-testing';

/** Distinct field names of a 400/409 body, in the order the api named them. */
const fieldsOf = (body: { errors?: { field: string }[] }) => [
  ...new Set((body.errors ?? []).map((e) => e.field)),
];
const idsOf = (items: { id: string }[]) => items.map((i) => i.id);
const sorted = (ids: string[]) => [...ids].sort();
const long = (n: number) => 'x'.repeat(n);

describe('customer context: segments and journeys', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
  });
  afterAll(() => api.close());

  type Clients = Record<'admin' | 'hr' | 'manager' | 'employee', HttpClient>;

  /** A fresh organisation per test, with a signed-in client per role. */
  async function setUp(name: string): Promise<{ world: World } & Clients> {
    const world = await createWorld(api.db, name);
    const [admin, hr, manager, employee] = await Promise.all(
      (['admin', 'hr', 'manager', 'employee'] as const).map((role) =>
        new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD),
      ),
    );
    return { world, admin, hr, manager, employee };
  }

  /** Every customer-context row of one organisation, to show that a refused request wrote nothing. */
  const snapshot = (organisationId: string) =>
    api.db.query(
      `SELECT 'segment' AS kind, id::text AS key, concat_ws('|', name, description, persona) AS data
         FROM customer_segments WHERE organisation_id = $1
       UNION ALL SELECT 'journey', id::text, concat_ws('|', name, description, segment_id::text)
         FROM customer_journeys WHERE organisation_id = $1
       UNION ALL SELECT 'touchpoint', id::text,
           concat_ws('|', journey_id::text, position::text, name, channel, moment_of_truth::text)
         FROM journey_touchpoints WHERE organisation_id = $1
       UNION ALL SELECT 'journey_team', journey_id::text, team_id::text FROM journey_teams WHERE organisation_id = $1
       UNION ALL SELECT 'touchpoint_team', touchpoint_id::text, team_id::text
         FROM touchpoint_teams WHERE organisation_id = $1
       ORDER BY 1, 2, 3`,
      [organisationId],
    );
  const count = async (table: string, organisationId: string): Promise<number> =>
    (
      await api.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`, [
        organisationId,
      ])
    )[0].n;

  /** One published values version per organisation, made on the first survey. */
  const versions = new Map<string, string>();

  /** A minimal survey row pointing at the given context, as the surveys module would store it. */
  async function insertSurvey(
    organisationId: string,
    context: { journeyId?: string; touchpointId?: string; segmentId?: string },
  ): Promise<string> {
    if (!versions.has(organisationId))
      versions.set(organisationId, (await createPublishedValueSet(api.db, organisationId)).versionId);
    const versionId = versions.get(organisationId);
    const [row] = await api.db.query(
      `INSERT INTO surveys (organisation_id, name, values_version_id, open_code, journey_id, touchpoint_id, segment_id)
       VALUES ($1, 'Meting', $2, $3, $4, $5, $6) RETURNING id`,
      [
        organisationId,
        versionId,
        randomUUID().replace(/-/g, ''),
        context.journeyId ?? null,
        context.touchpointId ?? null,
        context.segmentId ?? null,
      ],
    );
    return row.id;
  }

  /** An anonymous open-link response to a survey, carrying its own context. */
  async function insertResponse(
    organisationId: string,
    surveyId: string,
    context: { journeyId?: string; touchpointId?: string; segmentId?: string },
  ): Promise<void> {
    await api.db.query(
      `INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, channel, locale,
                                     journey_id, touchpoint_id, segment_id)
       SELECT organisation_id, id, values_version_id, 'open', 'nl', $2, $3, $4 FROM surveys WHERE id = $1`,
      [surveyId, context.journeyId ?? null, context.touchpointId ?? null, context.segmentId ?? null],
    );
  }

  /** A journey of three touchpoints, the middle one a moment of truth, teams per journey and touchpoint. */
  async function createJourney(client: HttpClient, world: World, name = 'Verhuizen') {
    const res = await client.post('/api/journeys', {
      name,
      teamIds: [world.teamId],
      touchpoints: [
        { name: 'Website bezoeken', channel: 'website' },
        { name: 'Bellen', channel: 'phone', momentOfTruth: true, teamIds: [world.teamId] },
        { name: 'Brief ontvangen', channel: 'letter', teamIds: [world.otherTeamId] },
      ],
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  describe('segments', () => {
    it('creates, lists by name, replaces and deletes segments', async () => {
      const { world, hr } = await setUp('Segmenten');
      const created = await hr.post('/api/segments', {
        name: '  Tweeverdieners ',
        nameEn: ' Two-income household ',
        description: ' Huishouden met twee inkomens ',
        persona: 'Sanne en Joost, 38, twee kinderen',
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Tweeverdieners',
        nameEn: 'Two-income household',
        description: 'Huishouden met twee inkomens',
        persona: 'Sanne en Joost, 38, twee kinderen',
        createdAt: expect.any(String),
      });
      expect(Number.isNaN(Date.parse(created.body.createdAt))).toBe(false);
      // Name of exactly the maximum length after trimming; description and persona default to empty.
      const longest = await hr.post('/api/segments', { name: `  ${long(80)}  ` });
      expect(longest.status).toBe(201);
      expect(longest.body).toMatchObject({ name: long(80), nameEn: null, description: '', persona: '' });
      const daily = await hr.post('/api/segments', { name: 'dagelijkse websitebezoeker' });
      expect(daily.status).toBe(201);

      const list = await hr.get('/api/segments');
      expect(list.status).toBe(200);
      expect(list.body.map((s: { name: string }) => s.name)).toEqual([
        'dagelijkse websitebezoeker',
        'Tweeverdieners',
        long(80),
      ]);
      expect(list.body.find((s: { id: string }) => s.id === created.body.id)).toEqual(created.body);

      // PUT replaces the whole segment: the persona left out becomes empty.
      const replaced = await hr.put(`/api/segments/${created.body.id}`, {
        name: 'Tweeverdieners met kinderen',
        description: 'Twee inkomens',
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toEqual({
        ...created.body,
        name: 'Tweeverdieners met kinderen',
        nameEn: null,
        description: 'Twee inkomens',
        persona: '',
      });
      const [row] = await api.db.query(
        `SELECT name, description, persona FROM customer_segments WHERE id = $1`,
        [created.body.id],
      );
      expect(row).toEqual({ name: 'Tweeverdieners met kinderen', description: 'Twee inkomens', persona: '' });

      const removed = await hr.delete(`/api/segments/${longest.body.id}`);
      expect(removed.status).toBe(204);
      expect(await api.db.query(`SELECT id FROM customer_segments WHERE id = $1`, [longest.body.id])).toEqual(
        [],
      );
      expect(idsOf((await hr.get('/api/segments')).body)).toEqual([daily.body.id, created.body.id]);
      expect((await hr.delete(`/api/segments/${longest.body.id}`)).status).toBe(404);
      expect(await count('customer_segments', world.organisationId)).toBe(2);
    });

    it('refuses bad input with 400 naming the field, and stores nothing', async () => {
      const { world, hr } = await setUp('Segment invoer');
      const existing = (await hr.post('/api/segments', { name: 'Starters', persona: 'Eva' })).body;
      const before = await snapshot(world.organisationId);
      const cases: [unknown, string[]][] = [
        [{}, ['name']],
        [{ name: '   ' }, ['name']],
        [{ name: 42 }, ['name']],
        [{ name: long(81) }, ['name']],
        [{ name: 'Ok', description: long(2001) }, ['description']],
        [{ name: 'Ok', persona: 7 }, ['persona']],
        [{ name: 'Ok', description: null }, ['description']],
        [{ name: 'Ok', colour: 'blauw' }, ['colour']],
        [{ name: 'Ok', nameEn: long(81) }, ['nameEn']],
        [{ name: 'Ok', nameEn: 3 }, ['nameEn']],
      ];
      for (const [body, fields] of cases) {
        const created = await hr.post('/api/segments', body);
        expect([created.status, fieldsOf(created.body)]).toEqual([400, fields]);
        const replaced = await hr.put(`/api/segments/${existing.id}`, body);
        expect([replaced.status, fieldsOf(replaced.body)]).toEqual([400, fields]);
      }
      expect(await snapshot(world.organisationId)).toEqual(before);
    });

    it('refuses a name in use in any letter case (409 name_taken on name), per organisation', async () => {
      const { world, hr } = await setUp('Segment namen');
      const starters = (await hr.post('/api/segments', { name: 'Starters' })).body;
      const seniors = (await hr.post('/api/segments', { name: 'Senioren' })).body;
      const before = await snapshot(world.organisationId);

      const dup = await hr.post('/api/segments', { name: ' STARTERS ' });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('name_taken');
      expect(fieldsOf(dup.body)).toEqual(['name']);
      const rename = await hr.put(`/api/segments/${seniors.id}`, { name: 'starters' });
      expect(rename.status).toBe(409);
      expect(rename.body.code).toBe('name_taken');
      expect(fieldsOf(rename.body)).toEqual(['name']);
      expect(await snapshot(world.organisationId)).toEqual(before);

      // Recasing a segment's own name is fine, and so is the same name in another organisation.
      expect((await hr.put(`/api/segments/${starters.id}`, { name: 'STARTERS' })).body.name).toBe('STARTERS');
      const other = await setUp('Segment namen elders');
      expect((await other.hr.post('/api/segments', { name: 'Starters' })).status).toBe(201);
    });

    it('refuses to delete a segment used by a journey, a survey or a response (409 in_use)', async () => {
      const { world, hr } = await setUp('Segment in gebruik');
      const org = world.organisationId;
      const byJourney = (await hr.post('/api/segments', { name: 'Reiziger' })).body;
      const bySurvey = (await hr.post('/api/segments', { name: 'Enquête' })).body;
      const byResponse = (await hr.post('/api/segments', { name: 'Antwoord' })).body;
      const journey = await hr.post('/api/journeys', {
        name: 'Aanvragen',
        segmentId: byJourney.id,
        touchpoints: [],
      });
      expect(journey.status).toBe(201);
      expect(journey.body.segmentId).toBe(byJourney.id);
      const surveyId = await insertSurvey(org, { segmentId: bySurvey.id });
      const plainSurvey = await insertSurvey(org, {});
      await insertResponse(org, plainSurvey, { segmentId: byResponse.id });

      for (const segment of [byJourney, bySurvey, byResponse]) {
        const res = await hr.delete(`/api/segments/${segment.id}`);
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('in_use');
      }
      expect(await count('customer_segments', org)).toBe(3);

      // Once the survey is gone, its segment may go.
      await api.db.query(`DELETE FROM surveys WHERE id = $1`, [surveyId]);
      expect((await hr.delete(`/api/segments/${bySurvey.id}`)).status).toBe(204);
      expect(idsOf((await hr.get('/api/segments')).body)).toEqual([byResponse.id, byJourney.id]);
    });
  });

  describe('journeys', () => {
    it('creates a journey with ordered touchpoints and teams per journey and per touchpoint', async () => {
      const { world, hr } = await setUp('Reizen');
      const segment = (await hr.post('/api/segments', { name: 'Huurders' })).body;
      const created = await hr.post('/api/journeys', {
        name: '  Verhuizen ',
        nameEn: ' Moving house ',
        description: ' Van opzegging tot nieuwe sleutel ',
        segmentId: segment.id,
        teamIds: [world.otherTeamId, world.teamId, world.teamId],
        touchpoints: [
          { name: ' Website bezoeken ', nameEn: 'Visiting the website', channel: 'website' },
          {
            name: 'Bellen',
            channel: 'phone',
            momentOfTruth: true,
            teamIds: [world.otherTeamId, world.teamId],
          },
          { name: 'Sleutel ophalen', channel: 'desk', momentOfTruth: false, teamIds: [world.departmentId] },
        ],
      });
      expect(created.status).toBe(201);
      const tps = created.body.touchpoints;
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Verhuizen',
        nameEn: 'Moving house',
        description: 'Van opzegging tot nieuwe sleutel',
        segmentId: segment.id,
        teamIds: sorted([world.teamId, world.otherTeamId]),
        createdAt: expect.any(String),
        touchpoints: [
          {
            id: expect.any(String),
            position: 0,
            name: 'Website bezoeken',
            nameEn: 'Visiting the website',
            channel: 'website',
            momentOfTruth: false,
            teamIds: [],
          },
          {
            id: expect.any(String),
            position: 1,
            name: 'Bellen',
            nameEn: null,
            channel: 'phone',
            momentOfTruth: true,
            teamIds: sorted([world.teamId, world.otherTeamId]),
          },
          {
            id: expect.any(String),
            position: 2,
            name: 'Sleutel ophalen',
            nameEn: null,
            channel: 'desk',
            momentOfTruth: false,
            teamIds: [world.departmentId],
          },
        ],
      });
      expect(new Set(idsOf(tps)).size).toBe(3);
      expect((await hr.get(`/api/journeys/${created.body.id}`)).body).toEqual(created.body);

      const rows = await api.db.query(
        `SELECT id, position, name, channel, moment_of_truth FROM journey_touchpoints
         WHERE organisation_id = $1 AND journey_id = $2 ORDER BY position`,
        [world.organisationId, created.body.id],
      );
      expect(rows).toEqual([
        { id: tps[0].id, position: 0, name: 'Website bezoeken', channel: 'website', moment_of_truth: false },
        { id: tps[1].id, position: 1, name: 'Bellen', channel: 'phone', moment_of_truth: true },
        { id: tps[2].id, position: 2, name: 'Sleutel ophalen', channel: 'desk', moment_of_truth: false },
      ]);
      expect(await count('journey_teams', world.organisationId)).toBe(2);
      expect(await count('touchpoint_teams', world.organisationId)).toBe(3);

      // The list is ordered by name in any letter case and carries the same shape.
      const another = await createJourney(hr, world, 'aanvragen');
      const list = await hr.get('/api/journeys');
      expect(list.status).toBe(200);
      expect(idsOf(list.body)).toEqual([another.id, created.body.id]);
      expect(list.body[1]).toEqual(created.body);
    });

    it('replaces a journey: swaps positions keeping ids, removes one touchpoint, adds one, relinks teams', async () => {
      const { world, hr } = await setUp('Herschikken');
      const journey = await createJourney(hr, world);
      const [web, phone, letter] = journey.touchpoints;

      // Swap the first and the last; rename the middle one and change its teams.
      const swapped = await hr.put(`/api/journeys/${journey.id}`, {
        name: 'Verhuizen',
        description: 'Nieuwe volgorde',
        teamIds: [world.otherTeamId],
        touchpoints: [
          { id: letter.id, name: 'Brief ontvangen', channel: 'letter', teamIds: [world.otherTeamId] },
          {
            id: phone.id,
            name: 'Telefoneren',
            nameEn: 'Calling',
            channel: 'phone',
            momentOfTruth: true,
            teamIds: [world.departmentId],
          },
          { id: web.id, name: 'Website bezoeken', channel: 'website', teamIds: [world.teamId] },
        ],
      });
      expect(swapped.status).toBe(200);
      expect(swapped.body.touchpoints.map((tp: { nameEn: string | null }) => tp.nameEn)).toEqual([
        null,
        'Calling',
        null,
      ]);
      expect(swapped.body).toMatchObject({
        id: journey.id,
        description: 'Nieuwe volgorde',
        segmentId: null,
        teamIds: [world.otherTeamId],
        touchpoints: [
          { id: letter.id, position: 0, name: 'Brief ontvangen', teamIds: [world.otherTeamId] },
          {
            id: phone.id,
            position: 1,
            name: 'Telefoneren',
            momentOfTruth: true,
            teamIds: [world.departmentId],
          },
          {
            id: web.id,
            position: 2,
            name: 'Website bezoeken',
            momentOfTruth: false,
            teamIds: [world.teamId],
          },
        ],
      });
      expect(swapped.body.createdAt).toBe(journey.createdAt);

      // Leave the phone call out and add a chat between the two others.
      const trimmed = await hr.put(`/api/journeys/${journey.id}`, {
        name: 'Verhuizen',
        touchpoints: [
          { id: letter.id, name: 'Brief ontvangen', channel: 'letter' },
          { name: 'Chatten', channel: 'chat', momentOfTruth: true, teamIds: [world.teamId] },
          { id: web.id, name: 'Website bezoeken', channel: 'website', teamIds: [world.teamId] },
        ],
      });
      expect(trimmed.status).toBe(200);
      const [first, chat, last] = trimmed.body.touchpoints;
      expect([first.id, last.id]).toEqual([letter.id, web.id]);
      expect(chat).toEqual({
        id: expect.any(String),
        position: 1,
        name: 'Chatten',
        nameEn: null,
        channel: 'chat',
        momentOfTruth: true,
        teamIds: [world.teamId],
      });
      expect(trimmed.body).toMatchObject({ description: '', teamIds: [] });
      expect(first.teamIds).toEqual([]);
      expect(await api.db.query(`SELECT id FROM journey_touchpoints WHERE id = $1`, [phone.id])).toEqual([]);
      expect(
        await api.db.query(`SELECT * FROM touchpoint_teams WHERE touchpoint_id = $1`, [phone.id]),
      ).toEqual([]);
      const links = await api.db.query(
        `SELECT touchpoint_id, team_id FROM touchpoint_teams WHERE organisation_id = $1 ORDER BY touchpoint_id`,
        [world.organisationId],
      );
      expect(links).toEqual(
        sorted([chat.id, web.id]).map((id) => ({ touchpoint_id: id, team_id: world.teamId })),
      );
      expect(await count('journey_teams', world.organisationId)).toBe(0);
      expect((await hr.get(`/api/journeys/${journey.id}`)).body).toEqual(trimmed.body);

      // Delete: the touchpoints and team links go with it.
      expect((await hr.delete(`/api/journeys/${journey.id}`)).status).toBe(204);
      expect((await hr.get(`/api/journeys/${journey.id}`)).status).toBe(404);
      for (const table of ['customer_journeys', 'journey_touchpoints', 'journey_teams', 'touchpoint_teams'])
        expect(await count(table, world.organisationId)).toBe(0);
    });

    it('refuses bad input on create with 400 naming the field, and stores nothing', async () => {
      const { world, hr } = await setUp('Reis invoer');
      const foreign = await createWorld(api.db, 'Reis invoer elders');
      const [{ id: foreignSegment }] = await api.db.query(
        `INSERT INTO customer_segments (organisation_id, name) VALUES ($1, 'Vreemd') RETURNING id`,
        [foreign.organisationId],
      );
      const tp = (name: string, extra: object = {}) => ({ name, channel: 'website', ...extra });
      const valid = { name: 'Reis', touchpoints: [tp('Een'), tp('Twee')] };
      const cases: [unknown, string[]][] = [
        [{ touchpoints: [] }, ['name']],
        [{ ...valid, name: '  ' }, ['name']],
        [{ ...valid, name: long(121) }, ['name']],
        [{ ...valid, description: long(2001) }, ['description']],
        [{ ...valid, nameEn: long(121) }, ['nameEn']],
        [{ ...valid, touchpoints: [tp('Een', { nameEn: long(121) })] }, ['touchpoints[0].nameEn']],
        [{ name: 'Reis' }, ['touchpoints']],
        [{ ...valid, touchpoints: 'Een' }, ['touchpoints']],
        [{ ...valid, touchpoints: Array.from({ length: 41 }, (_, i) => tp(`Stap ${i}`)) }, ['touchpoints']],
        [{ ...valid, touchpoints: [tp('Een'), tp('Twee', { channel: 'fax' })] }, ['touchpoints[1].channel']],
        [{ ...valid, touchpoints: [tp(' ')] }, ['touchpoints[0].name']],
        [{ ...valid, touchpoints: [tp(long(121))] }, ['touchpoints[0].name']],
        [{ ...valid, touchpoints: [tp('Een', { momentOfTruth: 'ja' })] }, ['touchpoints[0].momentOfTruth']],
        [{ ...valid, touchpoints: [tp('Een', { colour: 'rood' })] }, ['touchpoints[0].colour']],
        [{ ...valid, colour: 'rood' }, ['colour']],
        [{ ...valid, segmentId: 'starters' }, ['segmentId']],
        [{ ...valid, segmentId: foreignSegment }, ['segmentId']],
        [{ ...valid, segmentId: randomUUID() }, ['segmentId']],
        [{ ...valid, teamIds: [world.teamId, foreign.teamId] }, ['teamIds']],
        [{ ...valid, teamIds: ['team'] }, ['teamIds']],
        [
          { ...valid, touchpoints: [tp('Een'), tp('Twee', { teamIds: [randomUUID()] })] },
          ['touchpoints[1].teamIds'],
        ],
        [{ ...valid, touchpoints: [tp('Bellen'), tp('Mailen'), tp(' BELLEN ')] }, ['touchpoints[2].name']],
        [{ ...valid, touchpoints: [tp('Een', { id: randomUUID() })] }, ['touchpoints[0].id']],
        [{ ...valid, touchpoints: [tp('Een', { id: 'x' })] }, ['touchpoints[0].id']],
      ];
      for (const [body, fields] of cases) {
        const res = await hr.post('/api/journeys', body);
        expect([JSON.stringify(body).slice(0, 80), res.status, fieldsOf(res.body)]).toEqual([
          JSON.stringify(body).slice(0, 80),
          400,
          fields,
        ]);
      }
      expect(await snapshot(world.organisationId)).toEqual([]);
      // Exactly the limit of touchpoints is fine.
      const full = await hr.post('/api/journeys', {
        name: 'Lange reis',
        touchpoints: Array.from({ length: 40 }, (_, i) => tp(`Stap ${i}`)),
      });
      expect(full.status).toBe(201);
      expect(full.body.touchpoints.map((t: { position: number }) => t.position)).toEqual(
        Array.from({ length: 40 }, (_, i) => i),
      );
    });

    it('refuses bad input on replace with 400 naming the field, and changes nothing', async () => {
      const { world, hr } = await setUp('Reis vervangen');
      const journey = await createJourney(hr, world);
      const other = await createJourney(hr, world, 'Andere reis');
      const [web, phone] = journey.touchpoints;
      const before = await snapshot(world.organisationId);
      const keep = (t: { id: string; name: string; channel: string }) => ({
        id: t.id,
        name: t.name,
        channel: t.channel,
      });
      const cases: [unknown, string[]][] = [
        [{ name: 'Verhuizen', touchpoints: [keep(other.touchpoints[0])] }, ['touchpoints[0].id']],
        [
          { name: 'Verhuizen', touchpoints: [keep(web), keep(web)] },
          ['touchpoints[1].id', 'touchpoints[1].name'],
        ],
        [
          { name: 'Verhuizen', touchpoints: [keep(web), { ...keep(phone), name: 'website BEZOEKEN' }] },
          ['touchpoints[1].name'],
        ],
        [{ name: long(121), touchpoints: [keep(web)] }, ['name']],
        [{ name: 'Verhuizen', teamIds: [randomUUID()], touchpoints: [keep(web)] }, ['teamIds']],
        [{ name: 'Verhuizen', touchpoints: [{ ...keep(web), channel: 'duif' }] }, ['touchpoints[0].channel']],
      ];
      for (const [body, fields] of cases) {
        const res = await hr.put(`/api/journeys/${journey.id}`, body);
        expect([res.status, fieldsOf(res.body)]).toEqual([400, fields]);
      }
      expect(await snapshot(world.organisationId)).toEqual(before);
    });

    it('refuses a journey name in use in any letter case (409 name_taken on name)', async () => {
      const { world, hr } = await setUp('Reis namen');
      const journey = await createJourney(hr, world, 'Verhuizen');
      const other = await createJourney(hr, world, 'Aanvragen');
      const before = await snapshot(world.organisationId);
      const dup = await hr.post('/api/journeys', { name: 'VERHUIZEN', touchpoints: [] });
      expect([dup.status, dup.body.code, fieldsOf(dup.body)]).toEqual([409, 'name_taken', ['name']]);
      const rename = await hr.put(`/api/journeys/${other.id}`, { name: ' verhuizen', touchpoints: [] });
      expect([rename.status, rename.body.code, fieldsOf(rename.body)]).toEqual([409, 'name_taken', ['name']]);
      expect(await snapshot(world.organisationId)).toEqual(before);
      const recased = await hr.put(`/api/journeys/${journey.id}`, { name: 'VERHUIZEN', touchpoints: [] });
      expect(recased.status).toBe(200);
      expect(recased.body).toMatchObject({ name: 'VERHUIZEN', touchpoints: [] });
    });

    it('keeps journeys and touchpoints that surveys or answers use (409 in_use), changing nothing', async () => {
      const { world, hr } = await setUp('Reis in gebruik');
      const org = world.organisationId;
      const journey = await createJourney(hr, world);
      const [web, phone, letter] = journey.touchpoints;
      const surveyId = await insertSurvey(org, { journeyId: journey.id, touchpointId: phone.id });
      const before = await snapshot(org);

      const removal = await hr.delete(`/api/journeys/${journey.id}`);
      expect([removal.status, removal.body.code]).toEqual([409, 'in_use']);

      // Leaving the surveyed touchpoint out refuses the whole replace, renames and additions too.
      const leftOut = await hr.put(`/api/journeys/${journey.id}`, {
        name: 'Anders verhuizen',
        touchpoints: [
          { id: web.id, name: 'Website', channel: 'website' },
          { name: 'Nieuw', channel: 'visit' },
          { id: letter.id, name: 'Brief ontvangen', channel: 'letter' },
        ],
      });
      expect([leftOut.status, leftOut.body.code, fieldsOf(leftOut.body)]).toEqual([
        409,
        'in_use',
        ['touchpoints'],
      ]);
      expect(leftOut.body.message).toContain('Bellen');
      expect(await snapshot(org)).toEqual(before);

      // Keeping it (moved to the front) is fine; the survey still points at the same touchpoint.
      const kept = await hr.put(`/api/journeys/${journey.id}`, {
        name: 'Verhuizen',
        touchpoints: [
          { id: phone.id, name: 'Bellen', channel: 'phone', momentOfTruth: true },
          { id: web.id, name: 'Website bezoeken', channel: 'website' },
        ],
      });
      expect(kept.status).toBe(200);
      expect(kept.body.touchpoints.map((t: { id: string; position: number }) => [t.id, t.position])).toEqual([
        [phone.id, 0],
        [web.id, 1],
      ]);
      const [survey] = await api.db.query(`SELECT journey_id, touchpoint_id FROM surveys WHERE id = $1`, [
        surveyId,
      ]);
      expect(survey).toEqual({ journey_id: journey.id, touchpoint_id: phone.id });

      // An answer on a touchpoint blocks it as well, even when no survey is about the journey.
      const other = await createJourney(hr, world, 'Aanvragen');
      await insertResponse(org, await insertSurvey(org, {}), { touchpointId: other.touchpoints[2].id });
      const blocked = await hr.delete(`/api/journeys/${other.id}`);
      expect([blocked.status, blocked.body.code]).toEqual([409, 'in_use']);
      const dropLast = await hr.put(`/api/journeys/${other.id}`, {
        name: 'Aanvragen',
        touchpoints: other.touchpoints
          .slice(0, 2)
          .map((t: { id: string; name: string; channel: string }) => ({
            id: t.id,
            name: t.name,
            channel: t.channel,
          })),
      });
      expect([dropLast.status, fieldsOf(dropLast.body)]).toEqual([409, ['touchpoints']]);
      expect(await count('customer_journeys', org)).toBe(2);
      expect(await count('journey_touchpoints', org)).toBe(5);
    });
  });

  describe('access', () => {
    it('lets a manager read but not write, and an employee neither', async () => {
      const { world, hr, admin, manager, employee } = await setUp('Toegang');
      const segment = (await hr.post('/api/segments', { name: 'Starters' })).body;
      const journey = await createJourney(hr, world);
      const before = await snapshot(world.organisationId);

      expect((await manager.get('/api/segments')).body).toEqual([segment]);
      expect((await manager.get('/api/journeys')).body).toEqual([journey]);
      expect((await manager.get(`/api/journeys/${journey.id}`)).body).toEqual(journey);
      const writes = [
        manager.post('/api/segments', { name: 'Nieuw' }),
        manager.put(`/api/segments/${segment.id}`, { name: 'Nieuw' }),
        manager.delete(`/api/segments/${segment.id}`),
        manager.post('/api/journeys', { name: 'Nieuw', touchpoints: [] }),
        manager.put(`/api/journeys/${journey.id}`, { name: 'Nieuw', touchpoints: [] }),
        manager.delete(`/api/journeys/${journey.id}`),
      ];
      for (const res of await Promise.all(writes)) expect(res.status).toBe(403);
      for (const path of ['/api/segments', '/api/journeys', `/api/journeys/${journey.id}`])
        expect((await employee.get(path)).status).toBe(403);
      expect((await employee.post('/api/segments', { name: 'Nieuw' })).status).toBe(403);
      expect(await snapshot(world.organisationId)).toEqual(before);

      // Admins write like HR.
      expect((await admin.post('/api/segments', { name: 'Door admin' })).status).toBe(201);
      expect(
        (await admin.put(`/api/journeys/${journey.id}`, { name: 'Door admin', touchpoints: [] })).status,
      ).toBe(200);
    });

    it("answers 404 for another organisation's ids and for non-UUID ids, and lists only its own rows", async () => {
      const own = await setUp('Eigen klanten');
      const segment = (await own.hr.post('/api/segments', { name: 'Starters' })).body;
      const journey = await createJourney(own.hr, own.world);
      const before = await snapshot(own.world.organisationId);

      const intruder = await setUp('Vreemde klanten');
      const theirs = await createJourney(intruder.admin, intruder.world);
      const theirSegment = (await intruder.admin.post('/api/segments', { name: 'Starters' })).body;
      const body = { name: 'Overgenomen', touchpoints: [] };
      const attempts = [
        intruder.admin.get(`/api/journeys/${journey.id}`),
        intruder.admin.put(`/api/journeys/${journey.id}`, body),
        intruder.admin.delete(`/api/journeys/${journey.id}`),
        intruder.admin.put(`/api/segments/${segment.id}`, { name: 'Overgenomen' }),
        intruder.admin.delete(`/api/segments/${segment.id}`),
        own.hr.get('/api/journeys/not-a-uuid'),
        own.hr.put('/api/journeys/123', body),
        own.hr.delete('/api/journeys/123'),
        own.hr.put('/api/segments/abc', { name: 'X' }),
        own.hr.delete('/api/segments/abc'),
        own.hr.get(`/api/journeys/${randomUUID()}`),
      ];
      for (const res of await Promise.all(attempts))
        expect([res.status, res.body.code]).toEqual([404, 'not_found']);

      // Their own journey cannot take over our touchpoints, teams or segment.
      const grab = await intruder.admin.put(`/api/journeys/${theirs.id}`, {
        name: theirs.name,
        segmentId: segment.id,
        teamIds: [own.world.teamId],
        touchpoints: [
          { id: journey.touchpoints[0].id, name: 'Gestolen', channel: 'website' },
          { name: 'Nieuw', channel: 'phone', teamIds: [own.world.otherTeamId] },
        ],
      });
      expect([grab.status, fieldsOf(grab.body)]).toEqual([
        400,
        ['segmentId', 'teamIds', 'touchpoints[0].id', 'touchpoints[1].teamIds'],
      ]);
      expect(await snapshot(own.world.organisationId)).toEqual(before);

      expect(idsOf((await intruder.admin.get('/api/journeys')).body)).toEqual([theirs.id]);
      expect(idsOf((await intruder.admin.get('/api/segments')).body)).toEqual([theirSegment.id]);
      expect(idsOf((await own.hr.get('/api/journeys')).body)).toEqual([journey.id]);
      expect(idsOf((await own.hr.get('/api/segments')).body)).toEqual([segment.id]);
    });
  });

  describe('CustomerContextService (for the surveys module)', () => {
    const failureOf = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (e: { status?: number; errors?: { field: string }[] }) => [e.status, fieldsOf(e)],
      );

    it('accepts the own context and names every field that is foreign, unknown or mismatched', async () => {
      const { world, hr } = await setUp('Context');
      const foreign = await setUp('Context elders');
      const contexts = api.app.get(CustomerContextService);
      const segment = (await hr.post('/api/segments', { name: 'Starters' })).body;
      const journey = await createJourney(hr, world);
      const other = await createJourney(hr, world, 'Andere reis');
      const theirSegment = (await foreign.hr.post('/api/segments', { name: 'Starters' })).body;
      const org = world.organisationId;
      const tp = journey.touchpoints[1].id;

      expect(
        await contexts.assertContext(undefined, org, {
          segmentId: segment.id,
          journeyId: journey.id,
          touchpointId: tp,
          teamId: world.teamId,
        }),
      ).toEqual({ journeyId: journey.id });
      expect(await contexts.assertContext(undefined, org, { touchpointId: tp })).toEqual({
        journeyId: journey.id,
      });
      expect(await contexts.assertContext(undefined, org, { segmentId: null })).toEqual({ journeyId: null });
      // Inside a caller's transaction too.
      expect(
        await api.db.transaction((m) => contexts.assertContext(m, org, { journeyId: other.id })),
      ).toEqual({ journeyId: other.id });

      expect(
        await failureOf(
          contexts.assertContext(undefined, org, {
            segmentId: theirSegment.id,
            journeyId: 'not-a-uuid',
            touchpointId: randomUUID(),
            teamId: foreign.world.teamId,
          }),
        ),
      ).toEqual([400, ['segmentId', 'journeyId', 'touchpointId', 'teamId']]);
      expect(
        await failureOf(contexts.assertContext(undefined, org, { journeyId: other.id, touchpointId: tp })),
      ).toEqual([400, ['touchpointId']]);
      expect(
        await failureOf(
          contexts.assertContext(undefined, foreign.world.organisationId, { touchpointId: tp }),
        ),
      ).toEqual([400, ['touchpointId']]);
    });
  });
});
