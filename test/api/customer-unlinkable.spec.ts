import { createHash } from 'node:crypto';
import { KpiRollupsService } from '@wk/api-testing';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createSurvey, csv, linkFromOutbox, surveyWorld, tokenOf } from '../support/surveys';

type Row = Record<string, unknown>;

/** Timestamps compare as instants; everything else as its JSON value. */
const norm = (v: unknown): unknown =>
  typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v) ? Date.parse(v) : v;
const same = (a: unknown, b: unknown) => a !== null && b !== null && norm(a) === norm(b);
const cmp = (a: unknown, b: unknown) => {
  const [x, y] = [norm(a), norm(b)];
  return x === y ? 0 : (x as number) < (y as number) ? -1 : 1;
};

/**
 * Customers stay unlinkable (issue 15, item 5): after customers answer through their mailed links
 * (an uploaded list and the CRM's API), nothing in survey_responses or survey_response_grades can
 * be joined back to an invitation, contact or idempotency key, neither by an equal value that is
 * more specific than the wave, nor by a column that sorts the answers as another sorts their
 * invitations. The check runs over every column present, so a column added later is checked too.
 */
describe('customer answers cannot be joined back to who answered', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('no column of an answer equals or orders like a column of invitations, contacts or API keys', async () => {
    const { world, valueId, versionId, hr, admin } = await surveyWorld(api, 'Onkoppelbaar');
    const org = world.organisationId;
    const survey = await createSurvey(hr, versionId, { askNps: true });
    const customer = new HttpClient(api.url);
    // Grades in an order unrelated to the order of answering; each comment unique (7 and 19 are coprime).
    const grades = [7, 3, 9, 5, 10, 2, 8, 4, 6, 1];
    const answer = async (email: string, i: number) => {
      const token = tokenOf(await linkFromOutbox(api.db, org, email));
      expect((await customer.get(`/api/respond/${token}`)).status).toBe(200);
      const res = await customer.post(`/api/respond/${token}`, {
        grades: [{ valueId, grade: grades[i % grades.length] }],
        nps: grades[(i * 3) % grades.length],
        comment: `antwoord ${(i * 7) % 19}`,
      });
      expect(res.status).toBe(204);
      const [inv] = await api.db.query(`SELECT id FROM survey_invitations WHERE token_hash = $1`, [
        createHash('sha256').update(token).digest('hex'),
      ]);
      return { invitationId: inv.id as string, comment: `antwoord ${(i * 7) % 19}` };
    };

    // An uploaded list: 12 invited, 10 answer.
    const listed = Array.from({ length: 12 }, (_, i) => `lijst${i}@klant.test`);
    const sent = await hr.upload(
      `/api/surveys/${survey.id}/contacts?send=true`,
      csv(...listed.map((e) => `${e};;;nl`)),
    );
    expect(sent.status).toBe(201);
    // The CRM: 10 invitations by API key and Idempotency-Key, 9 answer.
    const key = (await admin.post('/api/api-keys', { name: 'CRM' })).body.key;
    const crmEmails = Array.from({ length: 10 }, (_, i) => `crm${i}@klant.test`);
    for (const [i, email] of crmEmails.entries()) {
      const res = await new HttpClient(api.url).request(
        'POST',
        '/api/v1/survey-invitations',
        { surveyId: survey.id, email, locale: 'nl' },
        { authorization: `Bearer ${key}`, 'idempotency-key': `crm-order-${1000 + i}` },
      );
      expect(res.status).toBe(201);
    }
    const invitationsBefore: Row[] = (
      await api.db.query(`SELECT to_jsonb(i) AS row FROM survey_invitations i WHERE survey_id = $1`, [
        survey.id,
      ])
    ).map((r: { row: Row }) => r.row);

    const truth: { invitationId: string; comment: string }[] = [];
    for (let i = 0; i < 10; i++) truth.push(await answer(listed[i], truth.length));
    for (let i = 0; i < 9; i++) truth.push(await answer(crmEmails[i], truth.length));

    const rows = async (sql: string, params: unknown[] = [survey.id]): Promise<Row[]> =>
      (await api.db.query(sql, params)).map((r: { row: Row }) => r.row);
    const responses = await rows(`SELECT to_jsonb(r) AS row FROM survey_responses r WHERE survey_id = $1`);
    const gradeRows = await rows(
      `SELECT to_jsonb(g) AS row FROM survey_response_grades g JOIN survey_responses r ON r.id = g.response_id WHERE r.survey_id = $1`,
    );
    const linked: Record<string, Row[]> = {
      survey_invitations: await rows(
        `SELECT to_jsonb(i) AS row FROM survey_invitations i WHERE survey_id = $1`,
      ),
      survey_contacts: await rows(`SELECT to_jsonb(c) AS row FROM survey_contacts c WHERE survey_id = $1`),
      api_idempotency_keys: await rows(
        `SELECT to_jsonb(k) AS row FROM api_idempotency_keys k WHERE organisation_id = $1`,
        [org],
      ),
    };
    expect(responses).toHaveLength(19);
    expect(linked.survey_contacts).toHaveLength(22);
    expect(linked.api_idempotency_keys).toHaveLength(10);

    // Each answer-side row with the invitation it really came from (known only to this test).
    const invitationOf = new Map(truth.map((t) => [t.comment, t.invitationId]));
    const responseTruth = new Map(
      responses.map((r) => [r.id as string, invitationOf.get(r.comment as string)!]),
    );
    const answerSide: Record<string, { row: Row; invitation: string }[]> = {
      survey_responses: responses.map((row) => ({ row, invitation: responseTruth.get(row.id as string)! })),
      survey_response_grades: gradeRows.map((row) => ({
        row,
        invitation: responseTruth.get(row.response_id as string)!,
      })),
    };
    const waveOf = new Map(linked.survey_invitations.map((i) => [i.id as string, i.wave_id as string]));
    const invitationKey = (table: string, row: Row) =>
      (table === 'survey_invitations' ? row.id : row.invitation_id) as string | null;

    const links: string[] = [];
    for (const [aTable, aRows] of Object.entries(answerSide))
      for (const [lTable, lRows] of Object.entries(linked)) {
        const columnsA = Object.keys(aRows[0].row);
        const columnsL = Object.keys(lRows[0]);
        for (const c of columnsA)
          for (const d of columnsL) {
            // Equal values narrowing the answer's wave down to fewer rows, its own among them.
            for (const { row, invitation } of aRows) {
              const candidates = lRows.filter((l) => l.wave_id === waveOf.get(invitation));
              const matched = candidates.filter((l) => same(l[d], row[c]));
              if (
                matched.length < candidates.length &&
                matched.some((l) => invitationKey(lTable, l) === invitation)
              )
                links.push(`${aTable}.${c} = ${lTable}.${d}`);
            }
            // A column that sorts the answers exactly as another sorts their own invitations.
            const pairs = aRows
              .map(({ row, invitation }) => ({
                a: row[c],
                l: lRows.find((l) => invitationKey(lTable, l) === invitation)?.[d],
              }))
              .filter((p) => p.a != null && p.l != null);
            if (pairs.length >= 8) {
              let identical = true;
              for (let i = 0; i < pairs.length && identical; i++)
                for (let j = i + 1; j < pairs.length && identical; j++) {
                  const s = cmp(pairs[i].a, pairs[j].a);
                  identical = s !== 0 && s === cmp(pairs[i].l, pairs[j].l);
                }
              if (identical) links.push(`${aTable}.${c} orders like ${lTable}.${d}`);
            }
          }
      }
    expect([...new Set(links)]).toEqual([]);

    // Answering writes no time into an invitation: only its yes/no columns change.
    const after = new Map(linked.survey_invitations.map((i) => [i.id, i]));
    for (const before of invitationsBefore)
      for (const [column, value] of Object.entries(before))
        if (typeof value !== 'boolean')
          expect([column, after.get(before.id)![column]]).toEqual([column, value]);

    // Every time an answer keeps is a whole day in the organisation's time zone.
    const timeColumns: { column_name: string }[] = await api.db.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_name IN ('survey_responses', 'survey_response_grades') AND data_type LIKE 'timestamp%'`,
    );
    expect(timeColumns.length).toBeGreaterThan(0);
    for (const { column_name } of timeColumns) {
      const [{ fine }] = await api.db.query(
        `SELECT bool_and(r.${column_name} = date_trunc('day', r.${column_name} AT TIME ZONE o.time_zone) AT TIME ZONE o.time_zone) AS fine
           FROM survey_responses r JOIN organisations o ON o.id = r.organisation_id WHERE r.survey_id = $1`,
        [survey.id],
      );
      expect([column_name, fine]).toEqual([column_name, true]);
    }
    // The idempotency table holds no CRM key.
    expect(JSON.stringify(linked.api_idempotency_keys)).not.toContain('crm-order');

    // What reports need still works: the funnel counts opened and answered, the rollups count answers.
    const waves = (await hr.get(`/api/surveys/${survey.id}/waves`)).body as {
      kind: string;
      answered: number;
      opened: number;
      invited: number;
    }[];
    expect(waves.map((w) => [w.kind, w.invited, w.opened, w.answered]).sort()).toEqual([
      ['api', 10, 9, 9],
      ['upload', 12, 10, 10],
    ]);
    await api.app.get(KpiRollupsService, { strict: false }).refreshCustomer(org);
    const [rollup] = await api.db.query(
      `SELECT sum(n)::int AS n FROM kpi_customer_org WHERE organisation_id = $1 AND metric = 'betrouwbaar'`,
      [org],
    );
    expect(rollup.n).toBe(19);
  });
});
