import { inflateSync } from 'node:zlib';
import type { INestApplicationContext } from '@nestjs/common';
import { KpiRollupsService } from '@wk/api-testing';
import type { KpiReport } from '@wk/contracts';
import { createWorld, TEST_PASSWORD, World } from '../support/factories';
import { RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient } from '../support/http-client';
import { createInsightsData, InsightsData } from '../support/insights-data';

/** The words pdfkit drew: its content streams are deflated, its text is hex strings in TJ arrays. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue; // not a deflated content stream (a font, say)
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g))
      lines.push(
        [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)]
          .map((h) => Buffer.from(h[1], 'hex').toString('latin1'))
          .join(''),
      );
  }
  // Wrapped cells come out line by line: one space between words, as a reader sees them.
  return lines.join(' ').replace(/\s+/g, ' ');
}

/** The board report honours the team and value filters, with the scope and anonymity of the other insights. */
describe('board report filters', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-board`;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let world: World;
  let data: InsightsData;
  let hr: HttpClient;
  let values: KpiReport['values'];

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined, QUEUE_PREFIX: prefix });
    worker = await startWorker({ SMTP_URL: undefined, QUEUE_PREFIX: prefix });
    world = await createWorld(api.db, 'Bestuur');
    data = await createInsightsData(api.db, world.organisationId, 5);
    await api.app.get(KpiRollupsService).rebuild(world.organisationId);
    hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    values = (await hr.get<KpiReport>('/api/insights/kpis?period=quarter')).body.values;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function report(
    client: HttpClient,
    query: string,
  ): Promise<{ status: number; text: string; body: unknown }> {
    const res = await client.request('GET', `/api/insights/report.pdf?period=quarter${query}`);
    if (res.status !== 200) return { status: res.status, text: '', body: res.body };
    const bytes = await fetch(`${api.url}/api/insights/report.pdf?period=quarter${query}`, {
      headers: { cookie: (client as unknown as { cookie: string }).cookie },
    });
    return { status: 200, text: pdfText(Buffer.from(await bytes.arrayBuffer())), body: undefined };
  }

  it('reads the whole organisation without filters (every value, no scope line)', async () => {
    const { status, text } = await report(hr, '');
    expect(status).toBe(200);
    expect(values.length).toBeGreaterThan(1);
    for (const value of values) expect(text).toContain(value.name);
    expect(text).not.toMatch(/Team: |Waarde: /);
  });

  it('with valueKey shows that value only, and names it', async () => {
    for (const value of values) {
      const { status, text } = await report(hr, `&valueKey=${value.key}`);
      expect(status).toBe(200);
      expect(text).toContain(`Waarde: ${value.name}`);
      for (const other of values.filter((v) => v.key !== value.key)) expect(text).not.toContain(other.name);
    }
  });

  it('with teamId reports that team, under the anonymity minimum like the other insights', async () => {
    const [small] = await api.db.query(`SELECT name FROM teams WHERE id = $1`, [data.teams.small]);
    const whole = await report(hr, '');
    const team = await report(hr, `&teamId=${data.teams.small}`);
    expect(team.status).toBe(200);
    expect(team.text).toContain(`Team: ${small.name}`);
    // Two people: below the minimum, so the team's self-image is withheld where the organisation's is shown.
    const kpis = await hr.get<KpiReport>(`/api/insights/kpis?period=quarter&teamId=${data.teams.small}`);
    expect(kpis.body.rows.some((r) => r.self && 'suppressed' in r.self && r.self.suppressed)).toBe(true);
    expect(team.text).toContain('te weinig antwoorden');
    expect(whole.text).not.toContain('te weinig antwoorden');
  });

  it('refuses bad filters with the field named, and unknown or foreign ones with 404', async () => {
    for (const [query, field] of [
      ['&teamId=not-a-uuid', 'teamId'],
      ['&valueKey=Not%20A%20Key', 'valueKey'],
    ]) {
      const res = await report(hr, query);
      expect(res.status).toBe(400);
      expect((res.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([field]);
    }
    const foreign = await createWorld(api.db, 'Bestuur elders');
    expect((await report(hr, `&teamId=${foreign.teamId}`)).status).toBe(404);
    expect((await report(hr, '&teamId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await report(hr, '&valueKey=bestaat-niet')).status).toBe(404);
  });
});
