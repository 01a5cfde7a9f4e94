import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { RespondRepository } from '@wk/api-testing';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createSurvey, csv, linkFromOutbox, surveyWorld, tokenOf } from '../support/surveys';

/** Why a link cannot be answered, or 'none'. */
const LINK_STATES = [
  'none',
  'unknown token',
  'answered',
  'survey closed',
  'survey past its end',
  'wave closed',
  'wave past its end',
  'survey not open yet',
] as const;
type LinkState = (typeof LINK_STATES)[number];
type GradeChoice = 'first' | 'second' | 'foreign' | 'random';

interface Case {
  state: LinkState;
  asksAll: boolean;
  grades: { value: GradeChoice; grade: number | null }[];
  overallGrade?: number;
  nps?: number;
  comment?: string;
}

/** What checking first would answer (the order the answer page promises): state, grades, questions. */
function expected(c: Case, valueIds: string[]): { status: number; code?: string; field?: string } {
  if (c.state === 'unknown token') return { status: 404, code: 'link_not_found' };
  if (c.state === 'answered') return { status: 409, code: 'already_answered' };
  if (c.state === 'survey not open yet') return { status: 409, code: 'not_open_yet' };
  if (c.state !== 'none') return { status: 410, code: 'link_expired' };
  const seen = new Set<string>();
  for (const [i, g] of c.grades.entries()) {
    const field = `grades[${i}].valueId`;
    if (g.value === 'foreign' || g.value === 'random')
      return { status: 400, field: `${field}: not a value of this survey` };
    if (seen.has(valueIds[g.value === 'first' ? 0 : 1]))
      return { status: 400, field: `${field}: answered twice` };
    seen.add(valueIds[g.value === 'first' ? 0 : 1]);
  }
  if (!c.asksAll) {
    if (c.overallGrade !== undefined) return { status: 400, field: 'overallGrade: not asked in this survey' };
    if (c.nps !== undefined) return { status: 400, field: 'nps: not asked in this survey' };
    if (c.comment) return { status: 400, field: 'comment: not asked in this survey' };
  }
  return { status: 204 };
}

/** The part of an answer the property compares: status, error code, the field a 400 names and why. */
function outcome(res: {
  status: number;
  body: { code?: string; errors?: { field: string; message: string }[] } | undefined;
}) {
  if (res.status === 204) return { status: 204 };
  if (res.status === 400)
    return { status: 400, field: res.body?.errors?.map((e) => `${e.field}: ${e.message}`).join(', ') };
  return { status: res.status, code: res.body?.code };
}

/** Answers to generate; `state` is the link's (or the survey's) reason to refuse, or 'none'. */
function caseArbitrary(state: fc.Arbitrary<LinkState>): fc.Arbitrary<Case> {
  return fc.record<Case>({
    state,
    asksAll: fc.boolean(),
    grades: fc.array(
      fc.record({
        // Mostly the survey's own values, so that the answer's other checks are reached often.
        value: fc.constantFrom<GradeChoice>(
          'first',
          'second',
          'first',
          'second',
          'first',
          'second',
          'foreign',
          'random',
        ),
        grade: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    overallGrade: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined, freq: 2 }),
    nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined, freq: 2 }),
    comment: fc.option(fc.constantFrom('', 'Prima geholpen'), { nil: undefined, freq: 2 }),
  });
}

type StoredAnswer = Parameters<RespondRepository['submitManyByToken']>[0][number]['answer'];
type SubmitRow = Awaited<ReturnType<RespondRepository['submitManyByToken']>>[number];

/** The answer as the service hands it to the repository (an empty comment is none). */
function storedAnswer(body: {
  grades: { valueId: string; grade: number | null }[];
  overallGrade?: number;
  nps?: number;
  comment?: string;
}): StoredAnswer {
  return {
    locale: null,
    overallGrade: body.overallGrade ?? null,
    nps: body.nps ?? null,
    comment: body.comment || null,
    valueIds: body.grades.map((g) => g.valueId),
    grades: body.grades.map((g) => g.grade),
  };
}

/** What a stored response holds, written as contentsOfResponses reads it from the database. */
function contentOf(a: StoredAnswer): string {
  const grades = a.valueIds
    .map((id, i) => `${id}=${a.grades[i] ?? '-'}`)
    .sort()
    .join(',');
  return [a.overallGrade, a.nps, a.comment, grades].filter((x) => x !== null).join('|');
}

/** A batch row without what differs between two links of one survey (the invitation, the clock). */
function comparable(row: SubmitRow) {
  if (!row) return row;
  const { invitation_id: _invitation, checked_at: _checked, ...rest } = row;
  return rest;
}

/** The request body of a case: `foreignId` is a value of another organisation's set. */
function answerBody(c: Case, valueIds: string[], foreignId: string) {
  const valueOf: Record<GradeChoice, () => string> = {
    first: () => valueIds[0],
    second: () => valueIds[1],
    foreign: () => foreignId,
    random: () => randomUUID(),
  };
  return {
    grades: c.grades.map((g) => ({ valueId: valueOf[g.value](), grade: g.grade })),
    ...(c.overallGrade !== undefined ? { overallGrade: c.overallGrade } : {}),
    ...(c.nps !== undefined ? { nps: c.nps } : {}),
    ...(c.comment !== undefined ? { comment: c.comment } : {}),
  };
}

/**
 * An answer through a mailed link is checked, claimed and stored in one statement (the hot path of
 * answer intake). Property: over generated links and answers it answers exactly as checking first
 * would, stores one response with its grades when it accepts, and writes nothing when it refuses.
 */
describe('answering through a mailed link', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('refuses exactly as checking first would, and stores once or not at all', async () => {
    const { org, valueIds, foreign, surveys, waves } = await twoSurveys('Antwoorden');
    const customer = new HttpClient(api.url);

    const cases = caseArbitrary(fc.oneof(fc.constant<LinkState>('none'), fc.constantFrom(...LINK_STATES)));

    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const kind = c.asksAll ? 'all' : 'none';
        const surveyId = surveys[kind].id;
        const waveId = waves[kind];
        const token = randomBytes(32).toString('base64url');
        const [invitation] = await api.db.query(
          `INSERT INTO survey_invitations (organisation_id, survey_id, wave_id, token_hash, locale, answered)
           VALUES ($1, $2, $3, $4, 'nl', $5) RETURNING id`,
          [
            org,
            surveyId,
            waveId,
            createHash('sha256')
              .update(c.state === 'unknown token' ? `${token}-elders` : token)
              .digest('hex'),
            c.state === 'answered',
          ],
        );
        await setState(surveyId, waveId, c.state);
        const before = await responseIds(surveyId);
        const body = answerBody(c, valueIds, foreign.id);
        try {
          const res = await customer.post(`/api/respond/${token}`, body);
          const want = expected(c, valueIds);
          expect(outcome(res)).toEqual(want);
          const [{ answered }] = await api.db.query(`SELECT answered FROM survey_invitations WHERE id = $1`, [
            invitation.id,
          ]);
          const added = (await responseIds(surveyId)).filter((id) => !before.includes(id));
          if (want.status === 204) {
            expect(added).toHaveLength(1);
            expect(answered).toBe(true);
            const [stored] = await api.db.query(
              `SELECT r.overall_grade, r.nps, r.comment, r.channel,
                      array(SELECT g.grade FROM survey_response_grades g WHERE g.response_id = r.id ORDER BY g.value_id) AS grades
                 FROM survey_responses r WHERE r.id = $1`,
              [added[0]],
            );
            const byValue = [...body.grades].sort((a, b) => (a.valueId < b.valueId ? -1 : 1));
            expect(stored).toEqual({
              overall_grade: c.overallGrade ?? null,
              nps: c.nps ?? null,
              comment: c.comment || null,
              channel: 'email',
              grades: byValue.map((g) => g.grade),
            });
            const again = await customer.post(`/api/respond/${token}`, body);
            expect([again.status, again.body.code]).toEqual([409, 'already_answered']);
            expect(await responseIds(surveyId)).toHaveLength(before.length + 1);
          } else {
            expect(added).toEqual([]);
            expect(answered).toBe(c.state === 'answered');
          }
        } finally {
          await setState(surveyId, waveId, 'none');
        }
      }),
      { numRuns: 150, seed: 20261204 },
    );
  });

  it('answers each answer of a batch statement exactly as it would answer it alone', async () => {
    const { org, valueIds, foreign, surveys, waves } = await twoSurveys('Partij');
    const repository = api.app.get(RespondRepository);
    const linkStates = fc.constantFrom<LinkState>('none', 'none', 'none', 'unknown token', 'answered');
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseArbitrary(linkStates), { minLength: 2, maxLength: 12 }),
        async (batch) => {
          const kind = (c: Case) => (c.asksAll ? 'all' : 'none');
          const link = (c: Case) =>
            newLink(
              org,
              surveys[kind(c)].id,
              waves[kind(c)],
              c.state === 'unknown token',
              c.state === 'answered',
            );
          const answers = batch.map((c) => storedAnswer(answerBody(c, valueIds, foreign.id)));
          const together = await Promise.all(batch.map(link));
          const alone = await Promise.all(batch.map(link));
          const before = await contentsOfResponses(surveys);

          const rows = await repository.submitManyByToken(
            together.map((token, i) => ({ token, answer: answers[i] })),
          );
          const single: SubmitRow[] = [];
          for (const [i, token] of alone.entries())
            single.push(...(await repository.submitManyByToken([{ token, answer: answers[i] }])));

          expect(rows.map(comparable)).toEqual(single.map(comparable));
          // Both halves stored the same answers, each answer once per half.
          const storedOnce = answers.filter((_, i) => single[i]?.stored).map(contentOf);
          const added = [...(await contentsOfResponses(surveys))]
            .filter(([id]) => !before.has(id))
            .map(([, content]) => content);
          expect(added.sort()).toEqual([...storedOnce, ...storedOnce].sort());
        },
      ),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('stores one of two answers on the same link in one batch statement', async () => {
    const { org, valueIds, surveys, waves } = await twoSurveys('Tweemaal');
    const repository = api.app.get(RespondRepository);
    const answer = storedAnswer({ grades: [{ valueId: valueIds[0], grade: 8 }] });
    for (let run = 0; run < 10; run++) {
      const token = await newLink(org, surveys.none.id, waves.none, false, false);
      const other = await newLink(org, surveys.none.id, waves.none, false, false);
      const rows = await repository.submitManyByToken([
        { token, answer },
        { token: other, answer },
        { token, answer },
      ]);
      expect(rows.filter((r) => r?.stored)).toHaveLength(2);
      expect([rows[0]?.stored, rows[2]?.stored].sort()).toEqual([false, true]);
      expect(rows[1]?.stored).toBe(true);
    }
  });

  /** A world with a two-value set, another organisation's value, and a survey with a wave asking all / none of the extra questions. */
  async function twoSurveys(name: string) {
    const { world, hr } = await surveyWorld(api, name);
    const org = world.organisationId;
    const { versionId, valueIds } = await twoValues(org);
    const other = await surveyWorld(api, `${name} (ander)`);
    const [foreign] = await api.db.query(`SELECT id FROM experience_values WHERE version_id = $1 LIMIT 1`, [
      other.versionId,
    ]);
    const surveys = {
      all: await createSurvey(hr, versionId, { askOverallGrade: true, askNps: true, askComment: true }),
      none: await createSurvey(hr, versionId, { askOverallGrade: false, askNps: false, askComment: false }),
    };
    const waves: Record<string, string> = {};
    for (const [kind, survey] of Object.entries(surveys)) {
      const sent = await hr.upload(
        `/api/surveys/${survey.id}/contacts?send=true`,
        csv(`${kind}@klant.test;;;nl`),
      );
      expect(sent.status).toBe(201);
      const [wave] = await api.db.query(`SELECT id FROM survey_waves WHERE survey_id = $1`, [survey.id]);
      waves[kind] = wave.id;
    }
    return { org, valueIds, foreign: foreign as { id: string }, surveys, waves };
  }

  /** A mailed link of the wave; `unknown`: the token matches no link. */
  async function newLink(org: string, surveyId: string, waveId: string, unknown: boolean, answered: boolean) {
    const token = randomBytes(32).toString('base64url');
    const hash = createHash('sha256')
      .update(unknown ? `${token}-elders` : token)
      .digest('hex');
    await api.db.query(
      `INSERT INTO survey_invitations (organisation_id, survey_id, wave_id, token_hash, locale, answered)
       VALUES ($1, $2, $3, $4, 'nl', $5)`,
      [org, surveyId, waveId, hash, answered],
    );
    return token;
  }

  /** Every stored response of the two surveys with what it holds (grades by value). */
  async function contentsOfResponses(surveys: Record<string, { id: string }>): Promise<Map<string, string>> {
    const rows: { id: string; content: string }[] = await api.db.query(
      `SELECT r.id, concat_ws('|', r.overall_grade, r.nps, r.comment,
              (SELECT string_agg(g.value_id || '=' || coalesce(g.grade::text, '-'), ',' ORDER BY g.value_id)
                 FROM survey_response_grades g WHERE g.response_id = r.id)) AS content
         FROM survey_responses r WHERE r.survey_id = ANY($1)`,
      [Object.values(surveys).map((s) => s.id)],
    );
    return new Map(rows.map((r) => [r.id, r.content]));
  }

  /** A published version 2 with two values (the world's own set has one). */
  async function twoValues(organisationId: string): Promise<{ versionId: string; valueIds: string[] }> {
    const [version] = await api.db.query(
      `INSERT INTO value_set_versions (organisation_id, number, status) VALUES ($1, 2, 'draft') RETURNING id`,
      [organisationId],
    );
    const values: { id: string }[] = await api.db.query(
      `INSERT INTO experience_values (organisation_id, version_id, key, position, name_nl, level, tier, charge, target_grade)
       SELECT $1, $2, k, p, initcap(k), 'basis', 'base', 'rational', 7.5
         FROM unnest(ARRAY['betrouwbaar', 'persoonlijk']) WITH ORDINALITY AS x(k, p) RETURNING id`,
      [organisationId, version.id],
    );
    await api.db.query(
      `UPDATE value_set_versions SET status = 'published', published_at = now() WHERE id = $1`,
      [version.id],
    );
    return { versionId: version.id, valueIds: values.map((v) => v.id) };
  }

  const responseIds = async (surveyId: string): Promise<string[]> =>
    (await api.db.query(`SELECT id FROM survey_responses WHERE survey_id = $1`, [surveyId])).map(
      (r: { id: string }) => r.id,
    );

  it('takes one of two answers sent at once on the same link (a double click) and refuses the other with 409', async () => {
    const { world, versionId, valueId, hr } = await surveyWorld(api, 'Dubbelklik');
    const survey = await createSurvey(hr, versionId);
    const emails = Array.from({ length: 20 }, (_, i) => `klant${i}@dubbel.test`);
    const sent = await hr.upload(
      `/api/surveys/${survey.id}/contacts?send=true`,
      csv(...emails.map((e) => `${e};;;nl`)),
    );
    expect(sent.status).toBe(201);
    const tokens = await Promise.all(
      emails.map(async (e) => tokenOf(await linkFromOutbox(api.db, world.organisationId, e))),
    );
    const answer = { grades: [{ valueId, grade: 9 }] };
    const outcomes = await Promise.all(
      tokens.map((token) =>
        Promise.all([0, 1].map(() => new HttpClient(api.url).post(`/api/respond/${token}`, answer))),
      ),
    );
    for (const pair of outcomes)
      expect(pair.map((r) => [r.status, r.body?.code ?? null]).sort()).toEqual([
        [204, null],
        [409, 'already_answered'],
      ]);
    expect(await responseIds(survey.id)).toHaveLength(tokens.length);
  });

  /** Puts the survey and its wave in the state the case needs (and back with 'none'). */
  async function setState(surveyId: string, waveId: string, state: LinkState): Promise<void> {
    const survey: Record<string, string> = {
      none: `status = 'active', opens_at = now() - interval '3 days', closes_at = NULL`,
      'survey closed': `status = 'closed', opens_at = now() - interval '3 days', closes_at = NULL`,
      'survey past its end': `status = 'active', opens_at = now() - interval '3 days', closes_at = now() - interval '1 day'`,
      'survey not open yet': `status = 'active', opens_at = now() + interval '1 day', closes_at = NULL`,
    };
    const wave: Record<string, string> = {
      none: `opens_at = now() - interval '3 days', closes_at = now() + interval '10 days', closed_at = NULL`,
      'wave closed': `opens_at = now() - interval '3 days', closes_at = now() + interval '10 days', closed_at = now()`,
      'wave past its end': `opens_at = now() - interval '3 days', closes_at = now() - interval '1 day', closed_at = NULL`,
    };
    await api.db.query(`UPDATE surveys SET ${survey[state] ?? survey.none} WHERE id = $1`, [surveyId]);
    await api.db.query(`UPDATE survey_waves SET ${wave[state] ?? wave.none} WHERE id = $1`, [waveId]);
  }
});
