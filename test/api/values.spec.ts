import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeedService, VIDOMES_TEMPLATE } from '@wk/api-testing';
import type { ValueSetVersion } from '@wk/contracts';
import { newValue } from '@wk/domain';
import { createPublishedValueSet, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

/** A stored version's values without row ids, as they were sent. */
const toDraftContent = (values: ValueSetVersion['values']) =>
  values.map(({ id: _id, behaviours, ...v }) => ({
    ...v,
    behaviours: behaviours.map(({ id: _b, ...b }) => b),
  }));

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

/** A value as the editor sends it (a new basis value), with `behaviours` as NL texts keyed `<key>-1..n`. */
function value(nameNl: string, behaviours: string[], overrides: Record<string, unknown> = {}) {
  const fresh = newValue(nameNl, 'basis', []);
  return {
    ...fresh,
    descriptionNl: `Wat ${nameNl} betekent`,
    loadings: [{ area: 'website', textNl: `${nameNl} online`, textEn: '' }],
    behaviours: behaviours.map((textNl, i) => ({
      key: `${fresh.key}-${i + 1}`,
      continuesKey: null,
      textNl,
      textEn: '',
    })),
    ...overrides,
  };
}

const VIDOMES = [
  value('Betrouwbaar', ['ben helder en eerlijk in wat de klant kan verwachten', 'kom gemaakte afspraken na']),
  value('Persoonlijk', ['heb alle aandacht voor de klant'], {
    level: 'persoonlijk',
    tier: 'distinguishing',
    charge: 'emotional',
    targetGrade: 8.5,
  }),
];

describe('values house: versioned value sets', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined, DEMO: '1' });
  });
  afterAll(() => api.close());

  it('gives the demo organisation the Vidomes set (docs/domain.md), published by HR as version 1', async () => {
    await api.app.get(DemoSeedService).seedIfEmpty();
    const hrAccount = DEMO_ACCOUNTS.find((a) => a.role === 'hr')!;
    const employee = DEMO_ACCOUNTS.find((a) => a.role === 'employee')!;
    const client = await new HttpClient(api.url).login(employee.email, DEMO_PASSWORD);
    const current = await client.get('/api/values/current');
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ number: 1, status: 'published', publishedByName: hrAccount.name });
    // The template itself is checked against docs/domain.md in apps/api (templates.spec.ts).
    expect(toDraftContent(current.body.values)).toEqual(VIDOMES_TEMPLATE.values);
    for (const v of current.body.values as ValueSetVersion['values']) {
      expect(v.nameEn).not.toBe('');
      for (const b of v.behaviours) expect(b.textEn).not.toBe('');
    }
    // And its customers (docs/domain.md, Examples): segments, the repair journey in order, a survey with an open link.
    const hr = await new HttpClient(api.url).login(hrAccount.email, DEMO_PASSWORD);
    expect((await hr.get('/api/segments')).body.map((s: { name: string }) => s.name)).toEqual([
      'Huurders',
      'Woningzoekenden',
    ]);
    const [journey] = (await hr.get('/api/journeys')).body;
    expect(journey.name).toBe('Reparatieverzoek');
    expect(journey.touchpoints.map((t: { channel: string }) => t.channel)).toEqual([
      'website',
      'phone',
      'email',
      'visit',
      'phone',
    ]);
    const [survey] = (await hr.get('/api/surveys')).body;
    expect(survey).toMatchObject({
      journeyId: journey.id,
      status: 'active',
      valuesVersionId: current.body.id,
    });
    expect(survey.openLink).toMatch(/\/q\//);
  });

  async function setUp(name: string) {
    const world = await createWorld(api.db, name);
    const [admin, hr, manager, employee] = await Promise.all(
      (['admin', 'hr', 'manager', 'employee'] as const).map((role) =>
        new HttpClient(api.url).login(world.users[role].email, TEST_PASSWORD),
      ),
    );
    return { world, admin, hr, manager, employee };
  }

  /** HR starts a draft, saves `values` and publishes: the organisation's next version. */
  async function publish(hr: HttpClient, values: unknown[]): Promise<ValueSetVersion> {
    expect((await hr.post('/api/values/draft', {})).status).toBe(201);
    expect((await hr.put('/api/values/draft', { values })).status).toBe(200);
    const published = await hr.post('/api/values/draft/publish', {});
    expect(published.status).toBe(200);
    return published.body;
  }

  const rowCount = async (world: World, table: string): Promise<number> =>
    (
      await api.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`, [
        world.organisationId,
      ])
    )[0].n;

  it('lets HR write a draft and publish it; everyone then reads it as the current version', async () => {
    const { employee, manager, hr, world } = await setUp('Huis');
    expect((await employee.get('/api/values/current')).body).toMatchObject({
      code: 'no_published_version',
      statusCode: 404,
    });

    const draft = await hr.post('/api/values/draft', {});
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ number: 1, status: 'draft', values: [], isCurrent: false });

    const saved = await hr.put('/api/values/draft', { values: VIDOMES });
    expect(saved.status).toBe(200);
    expect(saved.body.values.map((v: { key: string }) => v.key)).toEqual(['betrouwbaar', 'persoonlijk']);
    expect(saved.body.values[0]).toMatchObject({
      nameNl: 'Betrouwbaar',
      targetGrade: 7.5,
      loadings: [{ area: 'website', textNl: 'Betrouwbaar online', textEn: '' }],
      behaviours: [
        {
          key: 'betrouwbaar-1',
          continuesKey: null,
          textNl: 'ben helder en eerlijk in wat de klant kan verwachten',
        },
        { key: 'betrouwbaar-2', continuesKey: null, textNl: 'kom gemaakte afspraken na' },
      ],
    });
    // Employees never see drafts.
    expect((await employee.get('/api/values/versions')).body).toEqual([]);
    expect((await employee.get(`/api/values/versions/${draft.body.id}`)).status).toBe(404);

    const published = await hr.post('/api/values/draft/publish', {});
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      number: 1,
      status: 'published',
      isCurrent: true,
      publishedByName: 'Test hr',
    });
    expect(Date.parse(published.body.publishedAt)).toBeGreaterThan(Date.now() - 60_000);

    for (const reader of [employee, manager]) {
      const current = await reader.get('/api/values/current');
      expect(current.status).toBe(200);
      expect(current.body.id).toBe(draft.body.id);
      expect(current.body.values[1].behaviours[0].textNl).toBe('heb alle aandacht voor de klant');
    }
    const history = await employee.get('/api/values/versions');
    expect(history.body).toEqual([
      expect.objectContaining({ number: 1, status: 'published', valueCount: 2, behaviourCount: 3 }),
    ]);
    expect(await rowCount(world, 'value_behaviours')).toBe(3);
  });

  it('starts a new draft as a copy of the current version with the same keys, and keeps the history', async () => {
    const { hr } = await setUp('Kopie');
    const v1 = await publish(hr, VIDOMES);

    const draft = await hr.post('/api/values/draft', {});
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ number: 2, status: 'draft', basedOnId: v1.id });
    const copyKeys = draft.body.values.map((v: ValueSetVersion['values'][number]) => [
      v.key,
      v.behaviours.map((b) => [b.key, b.continuesKey]),
    ]);
    expect(copyKeys).toEqual([
      [
        'betrouwbaar',
        [
          ['betrouwbaar-1', 'betrouwbaar-1'],
          ['betrouwbaar-2', 'betrouwbaar-2'],
        ],
      ],
      ['persoonlijk', [['persoonlijk-1', 'persoonlijk-1']]],
    ]);
    // New rows, not the published ones.
    expect(draft.body.values[0].id).not.toBe(v1.values[0].id);
    expect(draft.body.values[0].behaviours[0].id).not.toBe(v1.values[0].behaviours[0].id);

    expect((await hr.post('/api/values/draft', {})).body).toMatchObject({
      statusCode: 409,
      code: 'draft_exists',
    });

    // Reword one behaviour and replace another; the diff says so and publishing keeps v1 intact.
    const values = draft.body.values.map(({ id: _id, ...v }: ValueSetVersion['values'][number]) => ({
      ...v,
      behaviours: v.behaviours.map(({ id: _b, ...b }) => b),
    }));
    values[0].behaviours[0].textNl = 'ben altijd helder en eerlijk';
    values[0].behaviours[1] = {
      key: 'afspraak-is-afspraak',
      continuesKey: 'betrouwbaar-2',
      textNl: 'afspraak is afspraak',
      textEn: '',
    };
    expect((await hr.put('/api/values/draft', { values })).status).toBe(200);
    const diff = await hr.get('/api/values/draft/diff');
    expect(diff.body).toMatchObject({
      againstVersionId: v1.id,
      unchanged: 1,
      values: [
        {
          kind: 'changed',
          key: 'betrouwbaar',
          behaviours: [
            { kind: 'reworded', key: 'betrouwbaar-1', after: 'ben altijd helder en eerlijk' },
            { kind: 'replaced', key: 'afspraak-is-afspraak', continuesKey: 'betrouwbaar-2' },
          ],
        },
      ],
    });
    const v2 = await hr.post('/api/values/draft/publish', {});
    expect(v2.body).toMatchObject({ number: 2, isCurrent: true });
    const old = await hr.get(`/api/values/versions/${v1.id}`);
    expect(old.body).toMatchObject({ isCurrent: false, status: 'published' });
    expect(old.body.values[0].behaviours.map((b: { textNl: string }) => b.textNl)).toEqual([
      'ben helder en eerlijk in wat de klant kan verwachten',
      'kom gemaakte afspraken na',
    ]);
    expect((await hr.get('/api/values/versions')).body.map((v: { number: number }) => v.number)).toEqual([
      2, 1,
    ]);
  });

  it('refuses to publish an empty set or a value without behaviours, naming the field', async () => {
    const { hr, world } = await setUp('Regels');
    await hr.post('/api/values/draft', {});
    const empty = await hr.post('/api/values/draft/publish', {});
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'publish_refused' });
    expect(fieldsOf(empty.body)).toEqual(['values']);

    await hr.put('/api/values/draft', { values: [VIDOMES[0], value('Dichtbij', [])] });
    const check = await hr.get('/api/values/draft/check');
    expect(check.body).toMatchObject({
      canPublish: false,
      errors: [{ field: 'values[1].behaviours', code: 'no_behaviours' }],
    });
    const refused = await hr.post('/api/values/draft/publish', {});
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['values[1].behaviours']);
    const [{ status }] = await api.db.query(
      `SELECT status FROM value_set_versions WHERE organisation_id = $1`,
      [world.organisationId],
    );
    expect(status).toBe('draft');
  });

  it('warns above six values but publishes seven', async () => {
    const { hr } = await setUp('Zeven');
    const seven = ['Een', 'Twee', 'Drie', 'Vier', 'Vijf', 'Zes', 'Zeven'].map((n) => value(n, ['doe iets']));
    await hr.post('/api/values/draft', {});
    await hr.put('/api/values/draft', { values: seven });
    const check = await hr.get('/api/values/draft/check');
    expect(check.body.canPublish).toBe(true);
    expect(check.body.warnings).toEqual([
      expect.objectContaining({ code: 'too_many_values', message: expect.stringContaining('at most 4-6') }),
    ]);
    const published = await hr.post('/api/values/draft/publish', {});
    expect(published.status).toBe(200);
    expect(published.body.values).toHaveLength(7);
  });

  describe('a published version cannot change', () => {
    it('is refused by the database, also through a repository or plain SQL', async () => {
      const { world } = await setUp('Bevroren');
      const { versionId, valueId, behaviourId } = await createPublishedValueSet(api.db, world.organisationId);
      const frozen = /published and cannot (change|be deleted)/;

      await expect(
        api.db
          .createQueryBuilder()
          .update('experience_values')
          .set({ nameNl: 'Anders' })
          .where('id = :valueId', { valueId })
          .execute(),
      ).rejects.toThrow(frozen);
      await expect(
        api.db.getRepository('experience_values').update(valueId, { targetGrade: 6 }),
      ).rejects.toThrow(frozen);
      await expect(
        api.db.query(`UPDATE value_behaviours SET text_nl = 'ander gedrag' WHERE id = $1`, [behaviourId]),
      ).rejects.toThrow(frozen);
      await expect(api.db.query(`DELETE FROM value_behaviours WHERE id = $1`, [behaviourId])).rejects.toThrow(
        frozen,
      );
      await expect(
        api.db.query(
          `INSERT INTO value_behaviours (organisation_id, version_id, value_id, key, position, text_nl)
           VALUES ($1, $2, $3, 'extra', 9, 'nieuw gedrag')`,
          [world.organisationId, versionId, valueId],
        ),
      ).rejects.toThrow(frozen);
      await expect(
        api.db.query(`UPDATE value_set_versions SET status = 'draft', published_at = NULL WHERE id = $1`, [
          versionId,
        ]),
      ).rejects.toThrow(frozen);
      await expect(api.db.query(`DELETE FROM value_set_versions WHERE id = $1`, [versionId])).rejects.toThrow(
        frozen,
      );

      const [row] = await api.db.query(
        `SELECT e.name_nl, b.text_nl, v.status FROM experience_values e
           JOIN value_behaviours b ON b.value_id = e.id JOIN value_set_versions v ON v.id = e.version_id
          WHERE e.id = $1`,
        [valueId],
      );
      expect(row).toEqual({
        name_nl: 'Betrouwbaar',
        text_nl: 'kom gemaakte afspraken na',
        status: 'published',
      });
    });

    it('still lets the whole organisation be deleted', async () => {
      const { world } = await setUp('Weg');
      await createPublishedValueSet(api.db, world.organisationId);
      await api.db.query(`DELETE FROM organisations WHERE id = $1`, [world.organisationId]);
      expect(
        (
          await api.db.query(`SELECT count(*)::int AS n FROM value_set_versions WHERE organisation_id = $1`, [
            world.organisationId,
          ])
        )[0].n,
      ).toBe(0);
    });
  });

  it('discards a draft and says so when there is none', async () => {
    const { hr, world } = await setUp('Weggooien');
    await hr.post('/api/values/draft', {});
    await hr.put('/api/values/draft', { values: VIDOMES });
    expect((await hr.delete('/api/values/draft')).status).toBe(204);
    expect(await rowCount(world, 'value_set_versions')).toBe(0);
    expect(await rowCount(world, 'experience_values')).toBe(0);
    expect((await hr.get('/api/values/draft')).body).toMatchObject({ statusCode: 404, code: 'no_draft' });
    expect((await hr.put('/api/values/draft', { values: VIDOMES })).status).toBe(404);
    expect((await hr.post('/api/values/draft/publish', {})).status).toBe(404);
  });

  it('lets only HR and admins write; employees and managers are refused and nothing changes', async () => {
    const { admin, hr, manager, employee, world } = await setUp('Rollen');
    await publish(hr, VIDOMES);
    for (const client of [employee, manager]) {
      expect((await client.post('/api/values/draft', {})).status).toBe(403);
      expect((await client.put('/api/values/draft', { values: VIDOMES })).status).toBe(403);
      expect((await client.post('/api/values/draft/publish', {})).status).toBe(403);
      expect((await client.post('/api/values/draft/import', {})).status).toBe(403);
      expect((await client.get('/api/values/draft')).status).toBe(403);
      expect((await client.get('/api/values/templates')).status).toBe(403);
    }
    expect(await rowCount(world, 'value_set_versions')).toBe(1);
    expect((await admin.post('/api/values/draft', {})).status).toBe(201);
  });

  describe('bad input answers 400 naming the field and stores nothing', () => {
    const cases: [string, (values: ReturnType<typeof value>[]) => unknown, string][] = [
      ['an empty name', (v) => [{ ...v[0], nameNl: '   ' }], 'values[0].nameNl'],
      [
        'a 300-character behaviour',
        (v) => [{ ...v[0], behaviours: [{ ...v[0].behaviours[0], textNl: 'a'.repeat(300) }] }],
        'values[0].behaviours[0].textNl',
      ],
      ['an unknown level', (v) => [{ ...v[0], level: 'hemel' }], 'values[0].level'],
      ['duplicate keys', (v) => [v[0], { ...v[1], key: v[0].key }], 'values[1].key'],
      ['duplicate names', (v) => [v[0], { ...v[1], nameNl: 'BETROUWBAAR' }], 'values[1].nameNl'],
      ['a malformed key', (v) => [{ ...v[0], key: 'Niet Goed' }], 'values[0].key'],
      ['a target above 10', (v) => [{ ...v[0], targetGrade: 11 }], 'values[0].targetGrade'],
      ['a target as text', (v) => [{ ...v[0], targetGrade: '8' }], 'values[0].targetGrade'],
      ['an unknown field', (v) => [{ ...v[0], kleur: 'rood' }], 'values[0].kleur'],
      [
        'an unknown loading area',
        (v) => [{ ...v[0], loadings: [{ area: 'kantine', textNl: 'x', textEn: '' }] }],
        'values[0].loadings[0].area',
      ],
      [
        'continuing a behaviour that does not exist',
        (v) => [
          { ...v[0], behaviours: [{ ...v[0].behaviours[0], key: 'nieuw', continuesKey: 'bestaat-niet' }] },
        ],
        'values[0].behaviours[0].continuesKey',
      ],
    ];

    it.each(cases)('%s', async (_name, mutate, field) => {
      const { hr } = await setUp('Fout');
      await hr.post('/api/values/draft', {});
      await hr.put('/api/values/draft', { values: VIDOMES });
      const res = await hr.put('/api/values/draft', { values: mutate(structuredClone(VIDOMES)) });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
      const draft = await hr.get('/api/values/draft');
      expect(draft.body.values.map((v: { nameNl: string }) => v.nameNl)).toEqual([
        'Betrouwbaar',
        'Persoonlijk',
      ]);
      expect(draft.body.values[0].behaviours[0].textNl).toBe(VIDOMES[0].behaviours[0].textNl);
    });

    it('a body without values', async () => {
      const { hr } = await setUp('Leeg');
      await hr.post('/api/values/draft', {});
      const res = await hr.put('/api/values/draft', { waarden: [] });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['values', 'waarden']));
    });
  });

  describe('templates and JSON export/import', () => {
    it('ships the Vidomes, Autotaalglas and Arval templates', async () => {
      const { hr } = await setUp('Sjablonen');
      const list = await hr.get('/api/values/templates');
      expect(list.body.map((t: { key: string }) => t.key).sort()).toEqual([
        'arval',
        'autotaalglas',
        'vidomes',
      ]);
      const house = await hr.get('/api/values/templates/autotaalglas');
      expect(house.body.values.map((v: { tier: string; theme: string }) => [v.tier, v.theme])).toEqual([
        ['base', 'vakmanschap'],
        ['base', 'vakmanschap'],
        ['distinguishing', 'passie'],
        ['distinguishing', 'passie'],
        ['unique', 'aandacht'],
      ]);
      expect((await hr.get('/api/values/templates/onbekend')).status).toBe(404);
      expect((await hr.get('/api/values/templates/constructor')).status).toBe(404);
    });

    it('exports a version and imports it into another organisation as a draft', async () => {
      const source = await setUp('Bron');
      const target = await setUp('Doel');
      const v1 = await publish(source.hr, VIDOMES);
      const exported = await source.employee.get(`/api/values/versions/${v1.id}/export`);
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-disposition')).toMatch(
        /^attachment; filename="waarden-.*\.json"$/,
      );
      expect(exported.body).toMatchObject({ format: 'waardenkompas.values/1', values: VIDOMES });
      expect(JSON.stringify(exported.body)).not.toContain(v1.id);

      const imported = await target.hr.post('/api/values/draft/import', exported.body);
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ status: 'draft', number: 1 });
      expect(imported.body.values.map((v: { key: string }) => v.key)).toEqual(['betrouwbaar', 'persoonlijk']);
      expect((await target.hr.post('/api/values/draft/publish', {})).status).toBe(200);
    });

    it('imports a shipped template into an existing draft, replacing its content', async () => {
      const { hr } = await setUp('Sjabloon');
      await hr.post('/api/values/draft', {});
      await hr.put('/api/values/draft', { values: VIDOMES });
      const template = await hr.get('/api/values/templates/autotaalglas');
      const imported = await hr.post('/api/values/draft/import', template.body);
      expect(imported.body.values).toHaveLength(5);
      expect(imported.body.number).toBe(1);
      expect((await hr.post('/api/values/draft/publish', {})).status).toBe(200);
    });

    it('refuses a file that is not a template, naming the field', async () => {
      const { hr, world } = await setUp('Geen sjabloon');
      const res = await hr.post('/api/values/draft/import', {
        format: 'iets/2',
        name: 'x',
        description: '',
        values: [],
      });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['format']);
      expect(await rowCount(world, 'value_set_versions')).toBe(0);
    });
  });
});
