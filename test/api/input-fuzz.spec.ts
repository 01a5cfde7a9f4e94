import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiDocument } from '@wk/api-testing';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient, HttpResponse } from '../support/http-client';
import { createSurvey, surveyWorld } from '../support/surveys';

type Schema = Record<string, any>;

interface Operation {
  method: string;
  path: string;
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; schema: Schema }[];
  /** The JSON request body's schema; undefined for routes without one (or multipart uploads). */
  body?: Schema;
}

/** Every route of the OpenAPI document, so that new routes are fuzzed without being listed here. */
function operationsOf(api: RunningApi): { operations: Operation[]; resolve: (s: Schema) => Schema } {
  const doc = openApiDocument(api.app) as any;
  const resolve = (schema: Schema): Schema =>
    schema?.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').pop()]) : (schema ?? {});
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, any>).map(([method, op]) => {
      const parameters = (op.parameters ?? []) as { name: string; in: string; schema: Schema }[];
      return {
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
      };
    }),
  );
  return { operations, resolve };
}

/** mulberry32: a small seeded generator, so every run sends the same requests. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, pick };
}

const deepArray = (depth: number): unknown => (depth === 0 ? [] : [deepArray(depth - 1)]);
const deepObject = (depth: number): unknown => (depth === 0 ? {} : { a: deepObject(depth - 1) });

/** Text no route may take: it must be refused (400) for everyone, before any guard. */
const POISON_TEXT = ['\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\udbff'];
/** The same in a URL: NUL, escaped lone surrogates (CESU), truncated escapes, invalid UTF-8. */
const POISON_URL = ['%00', 'a%00b', '%ED%A0%80', '%ED%B0%80x', '%E0%A4%A', '%FF', '%C0%AF'];
/** Values that are wrong somewhere: they may be refused, but never with a 5xx. */
const WRONG_VALUES: unknown[] = [
  null,
  [],
  [[]],
  [[{}]],
  [null],
  {},
  { nested: { deeper: [1] } },
  1e21,
  -1e21,
  2 ** 63,
  -1,
  0,
  1.5,
  Number.MAX_SAFE_INTEGER,
  true,
  '',
  ' ',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '9'.repeat(400),
  'x'.repeat(20_000),
  '1e21',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '\ud83d\ude00',
];
const WRONG_QUERY = ['1e21', '-1', '1.5', '99999999999999999999', '', 'null', '[]', 'x'.repeat(5_000)];
/** Raw bodies that are never valid JSON for any route, and bodies nested too deep. */
const BAD_BODIES = [
  '{"a": 1,',
  "{'a': 1}",
  '{"a": NaN}',
  'not json',
  '"\u0000"',
  '123',
  JSON.stringify(deepArray(200)),
  JSON.stringify(deepObject(200)),
  `{"x":"${'y'.repeat(1_100_000)}"}`,
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  '{"\\u0000":1}',
];
/** Well-formed JSON of the wrong shape for an object body. */
const WRONG_BODIES = ['[]', '[1,2]', '[[{}]]', 'null', '{}', '{"unknown":1}'];

function sample(schema: Schema, resolve: (s: Schema) => Schema, depth = 0): unknown {
  const s = resolve(schema);
  if (s.enum) return s.enum[0];
  if (s.allOf) return sample(s.allOf[0], resolve, depth);
  switch (s.type) {
    case 'string':
      return s.format === 'date-time' ? new Date().toISOString() : 'Fuzz';
    case 'number':
    case 'integer':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return depth > 3 ? [] : [sample(s.items ?? {}, resolve, depth + 1)];
    default:
      if (!s.properties || depth > 3) return {};
      return Object.fromEntries(
        Object.entries(s.properties).map(([key, child]) => [
          key,
          sample(child as Schema, resolve, depth + 1),
        ]),
      );
  }
}

/** Every (parent, key) pair of a value, so that a mutation can land at any depth. */
function slots(value: unknown): [Record<string, unknown> | unknown[], string | number][] {
  if (value === null || typeof value !== 'object') return [];
  const own = Array.isArray(value)
    ? value.map((_, i) => [value, i] as [unknown[], number])
    : Object.keys(value).map(
        (k) => [value as Record<string, unknown>, k] as [Record<string, unknown>, string],
      );
  return [
    ...own,
    ...own.flatMap(([parent, key]) => slots((parent as Record<string | number, unknown>)[key])),
  ];
}

interface FuzzCase {
  url: string;
  body?: string;
  /** Poisoned text or unparsable/too deep JSON: refused with 400 (413 if too large) by everyone. */
  mustRefuse: boolean;
  kind: string;
}

/**
 * The fuzzer over every route: malformed path parameters, query values and bodies (NUL, lone
 * surrogates, bad escapes, deep nesting, huge numbers, nulls, arrays, wrong types, long strings,
 * malformed JSON), as admin and without a session. No answer may be a 5xx, every 4xx is an
 * ApiErrorBody, and a refused request writes nothing.
 */
describe('fuzzing every route with malformed input', () => {
  // About 1,000 requests in all, a few seconds; FUZZ_SEED=<n> explores other inputs.
  const CASES_PER_ROUTE = 5;
  let api: RunningApi;
  let dist: string;
  let admin: HttpClient;
  let operations: Operation[];
  let resolve: (s: Schema) => Schema;
  let tables: string[];

  beforeAll(async () => {
    // The default deployment serves the dashboard too; its fallback must not swallow api errors.
    dist = mkdtempSync(join(tmpdir(), 'wk-web-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Waardenkompas</title>');
    api = await startApi({ WEB_DIST: dist, SMTP_URL: undefined });
    const world = await surveyWorld(api, 'Fuzz');
    admin = world.admin;
    await createSurvey(world.hr, world.versionId);
    const segment = await admin.post('/api/segments', { name: 'Fuzz' });
    await admin.post('/api/journeys', {
      name: 'Fuzz',
      segmentId: segment.body.id,
      touchpoints: [{ name: 'Balie', channel: 'desk' }],
    });
    ({ operations, resolve } = operationsOf(api));
    // Sessions: signing in and out are writes by design; every other table must stay untouched.
    const rows = await api.db.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'sessions')
        ORDER BY table_name`,
    );
    tables = rows.map((r: { table_name: string }) => r.table_name);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dist, { recursive: true, force: true });
  });

  /** A digest of every row of every table: inserts, updates and deletes all change it. */
  async function digest(): Promise<Record<string, string>> {
    const [row] = await api.db.query(
      `SELECT ${tables
        .map(
          (t) =>
            `(SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM "${t}" x) AS "${t}"`,
        )
        .join(', ')}`,
    );
    return row;
  }

  /** A real id for `{id}`: the first item of the route's collection (GET /api/surveys for /api/surveys/{id}). */
  async function baseParams(op: Operation): Promise<Record<string, string>> {
    const params: Record<string, string> = {};
    for (const { name, schema } of op.pathParams) {
      const s = resolve(schema);
      if (s.enum) {
        params[name] = String(s.enum[0]);
        continue;
      }
      const collection = op.path.slice(0, op.path.indexOf(`{${name}}`) - 1).replace(/\{\w+\}/g, (m) => {
        return params[m.slice(1, -1)] ?? m;
      });
      const list = await admin.get(collection);
      const items = Array.isArray(list.body) ? list.body : list.body?.items;
      params[name] = items?.[0]?.id ?? '3f2c1e0a-5b7d-4c9e-8a1f-2d3b4c5d6e7f';
    }
    return params;
  }

  function generate(op: Operation, params: Record<string, string>, rng: ReturnType<typeof seeded>): FuzzCase {
    const filled = (values: Record<string, string>) =>
      op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]);
    const baseUrl = filled(
      Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(v)])),
    );
    const kinds = [
      ...(op.pathParams.length ? ['path'] : []),
      'query',
      // fetch sends no body with a GET.
      ...(op.method === 'GET' ? [] : ['body-raw']),
      ...(op.body ? ['body-field', 'body-field', 'body-shape'] : []),
    ];
    const kind = rng.pick(kinds);
    const validBody = op.body ? JSON.stringify(sample(op.body, resolve)) : undefined;
    switch (kind) {
      case 'path': {
        const { name } = rng.pick(op.pathParams);
        const poisoned = rng.next() < 0.6;
        const value = poisoned
          ? rng.pick(POISON_URL)
          : encodeURIComponent(String(rng.pick(WRONG_VALUES))).slice(0, 3000);
        return { url: filled({ ...params, [name]: value }), body: validBody, mustRefuse: poisoned, kind };
      }
      case 'query': {
        const declared = op.queryParams.length > 0 && rng.next() < 0.7;
        const name = declared ? rng.pick(op.queryParams).name : rng.pick(['q', 'limit', 'x']);
        // Undeclared parameters are ignored unless poisoned; only poison makes them a sure refusal.
        const poisoned = !declared || rng.next() < 0.4;
        const value = poisoned ? rng.pick(POISON_URL) : encodeURIComponent(rng.pick(WRONG_QUERY));
        const repeat = !poisoned && rng.next() < 0.2 ? `&${name}=1` : '';
        return { url: `${baseUrl}?${name}=${value}${repeat}`, body: validBody, mustRefuse: poisoned, kind };
      }
      case 'body-raw':
        return { url: baseUrl, body: rng.pick(BAD_BODIES), mustRefuse: true, kind };
      case 'body-shape':
        return { url: baseUrl, body: rng.pick(WRONG_BODIES), mustRefuse: false, kind };
      default: {
        const body = sample(op.body as Schema, resolve);
        const targets = slots(body);
        const poisoned = targets.length > 0 && rng.next() < 0.3;
        if (targets.length > 0) {
          const [parent, key] = rng.pick(targets);
          (parent as Record<string | number, unknown>)[key] = poisoned
            ? rng.pick(POISON_TEXT)
            : rng.pick([...WRONG_VALUES, deepArray(60), deepObject(60)]);
        }
        return { url: baseUrl, body: JSON.stringify(body), mustRefuse: poisoned, kind };
      }
    }
  }

  function checkAnswer(c: FuzzCase, label: string, res: HttpResponse): string[] {
    const problems: string[] = [];
    const where = `${label} [${c.kind}] ${c.url.slice(0, 120)} ${String(c.body).slice(0, 80)}`;
    if (res.status >= 500) problems.push(`${where} → ${res.status} ${JSON.stringify(res.body)}`);
    if (c.mustRefuse && res.status !== 400 && res.status !== 413)
      problems.push(`${where} → ${res.status}, expected a refusal (400/413)`);
    if (res.status >= 400 && res.status < 500) {
      const b = res.body;
      const shaped =
        String(res.headers.get('content-type')).startsWith('application/json') &&
        b?.statusCode === res.status &&
        typeof b.error === 'string' &&
        typeof b.code === 'string' &&
        typeof b.message === 'string' &&
        (b.errors === undefined ||
          (Array.isArray(b.errors) &&
            b.errors.every((e: any) => typeof e.field === 'string' && typeof e.message === 'string')));
      if (!shaped) problems.push(`${where} → ${res.status} is not an ApiErrorBody: ${JSON.stringify(b)}`);
      if (b?.code === 'validation_failed' && !(b.errors?.length > 0))
        problems.push(`${where} → validation_failed without field names`);
    }
    return problems;
  }

  async function fuzz(label: string, client: HttpClient, seed: number) {
    const rng = seeded(seed);
    const problems: string[] = [];
    let refused = 0;
    for (const op of operations) {
      const params = await baseParams(op);
      for (let i = 0; i < CASES_PER_ROUTE; i++) {
        const c = generate(op, params, rng);
        const before = await digest();
        const body = op.method === 'GET' ? undefined : c.body;
        const res = await client.request(op.method, c.url, body, { 'content-type': 'application/json' });
        problems.push(...checkAnswer(c, `${label} ${op.method} ${op.path}`, res));
        if (res.status >= 400) {
          refused++;
          const after = await digest();
          const changed = tables.filter((t) => before[t] !== after[t]);
          if (changed.length > 0)
            problems.push(
              `${label} ${op.method} ${c.url} → ${res.status} but wrote to ${changed.join(', ')}`,
            );
        }
      }
    }
    expect(problems).toEqual([]);
    // The generator reaches refusals on (nearly) every route, so the digest check is not vacuous.
    expect(refused).toBeGreaterThan(operations.length * CASES_PER_ROUTE * 0.8);
  }

  it('covers the whole api', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter((o) => o.body).length).toBeGreaterThan(15);
  });

  it('never fails with a 5xx for an admin, answers ApiErrorBody 4xx, and writes nothing when refusing', async () => {
    await fuzz('admin', admin, Number(process.env.FUZZ_SEED ?? 20251203));
    // The session survived the fuzzing (no accidental sign-out made the later cases vacuous 401s).
    expect((await admin.get('/api/me')).status).toBe(200);
  });

  it('does the same without a session', async () => {
    await fuzz('anonymous', new HttpClient(api.url), Number(process.env.FUZZ_SEED ?? 424242) + 1);
  });
});
