import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { AppraisalCyclesService, openApiDocument, scriptText } from '@wk/api-testing';
import type { Appraisal } from '@wk/contracts';
import fc from 'fast-check';
import { createAnsweredRound, createAppraisalValues, pdfText } from '../support/appraisals';
import { createUser, createWorld, TEST_PASSWORD } from '../support/factories';
import { eventually, RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient } from '../support/http-client';

const fieldsOf = (body: { errors?: { field: string }[] }) => [
  ...new Set((body.errors ?? []).map((e) => e.field)),
];

const valuesVersion = createAppraisalValues;

const DATES = {
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  selfReviewDue: '2099-01-15',
  managerReviewDue: '2099-01-31',
  conversationDue: '2099-02-15',
  signOffDue: '2099-02-28',
};

describe('appraisals (issue 16)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  async function setUp(name: string) {
    const world = await createWorld(api.db, name);
    const version = await valuesVersion(api.db, world.organisationId);
    const login = (email: string) => new HttpClient(api.url).login(email, TEST_PASSWORD);
    const hr = await login(world.users.hr.email);
    const manager = await login(world.users.manager.email);
    const employee = await login(world.users.employee.email);
    const created = await hr.post('/api/appraisal-cycles', {
      name: 'Jaargesprekken 2026',
      ...DATES,
      teamIds: [world.teamId],
      valuesVersionId: version.versionId,
      questions: ['Waar ben je trots op?'],
    });
    expect(created.status).toBe(201);
    const cycleId = created.body.id as string;
    expect((await hr.post(`/api/appraisal-cycles/${cycleId}/open`)).status).toBe(200);
    const mine = await employee.get('/api/appraisals/mine');
    expect(mine.body).toHaveLength(1);
    return { world, version, hr, manager, employee, cycleId, id: mine.body[0].id as string, login };
  }

  const full = (behaviours: string[], level: 1 | 2 | 3 | 4) =>
    behaviours.map((behaviourId) => ({ behaviourId, level }));

  /** Self-assessment (with the employee's `comments`, if any) and manager's review both submitted. */
  async function bothSubmitted(
    s: Awaited<ReturnType<typeof setUp>>,
    comments?: { valueId: string; text: string }[],
  ) {
    let a = (await s.employee.get(`/api/appraisals/${s.id}`)).body as Appraisal;
    a = (
      await s.employee.put(`/api/appraisals/${s.id}/self-review`, {
        version: a.version,
        ratings: full(s.version.behaviours, 3),
        ...(comments ? { comments } : {}),
        submit: true,
      })
    ).body;
    a = (
      await s.manager.put(`/api/appraisals/${s.id}/manager-review`, {
        version: a.version,
        ratings: full(s.version.behaviours, 2),
        submit: true,
      })
    ).body;
    expect(a.stage).toBe('conversation');
    return a;
  }

  async function signedAppraisal(s: Awaited<ReturnType<typeof setUp>>) {
    const a = await bothSubmitted(s);
    const conv = await s.manager.put(`/api/appraisals/${s.id}/conversation`, {
      version: a.version,
      meetingDate: '2099-02-10',
      sharedNotes: 'Goed gesprek over klantcontact.',
      agreements: [
        {
          valueId: s.version.values[0],
          what: 'Terugbelbelofte nakomen',
          support: 'Coaching',
          dueDate: '2099-06-01',
        },
      ],
    });
    expect(conv.status).toBe(200);
    const [e, m] = await Promise.all([
      s.employee.post(`/api/appraisals/${s.id}/sign`, { remark: 'Eens, op punt 2 na.', disagree: false }),
      s.manager.post(`/api/appraisals/${s.id}/sign`, {}),
    ]);
    expect([e.status, m.status]).toEqual([200, 200]);
    return (await s.employee.get(`/api/appraisals/${s.id}`)).body as Appraisal;
  }

  it('walks the flow and keeps both reviews blind until both are in', async () => {
    const s = await setUp('Flow');
    let a = (await s.employee.get(`/api/appraisals/${s.id}`)).body as Appraisal;
    expect(a).toMatchObject({
      stage: 'not_started',
      viewerRole: 'employee',
      reviewerId: s.world.users.manager.id,
    });
    expect(a.values.map((v) => v.behaviours.length)).toEqual([2, 2]);

    // A draft self review: the manager sees nothing of it.
    a = (
      await s.employee.put(`/api/appraisals/${s.id}/self-review`, {
        version: a.version,
        ratings: [{ behaviourId: s.version.behaviours[0], level: 4 }],
        comments: [{ valueId: s.version.values[0], text: 'Ik bel altijd terug' }],
        answers: [{ questionId: 'q1', text: 'Het project' }],
      })
    ).body;
    expect(a.stage).toBe('self_review');
    let asManager = (await s.manager.get(`/api/appraisals/${s.id}`)).body as Appraisal;
    expect(asManager.viewerRole).toBe('reviewer');
    expect(asManager.selfReview).toBeNull();

    // Submitting with criteria missing names the field; n.v.t. counts as an answer.
    const missing = await s.employee.put(`/api/appraisals/${s.id}/self-review`, {
      version: a.version,
      ratings: [{ behaviourId: s.version.behaviours[0], level: 4 }],
      submit: true,
    });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['ratings']);

    // The manager submits first: still blind both ways.
    const mr = await s.manager.put(`/api/appraisals/${s.id}/manager-review`, {
      version: asManager.version,
      ratings: [
        ...full(s.version.behaviours.slice(1), 2),
        { behaviourId: s.version.behaviours[0], level: null },
      ],
      comments: [{ valueId: s.version.values[1], text: 'Meer initiatief graag' }],
      submit: true,
    });
    expect(mr.status).toBe(200);
    asManager = (await s.manager.get(`/api/appraisals/${s.id}`)).body;
    expect(asManager.selfReview).toBeNull();
    a = (await s.employee.get(`/api/appraisals/${s.id}`)).body;
    expect(a.managerReview).toBeNull();
    expect(a.managerSubmitted).toBe(true);
    expect(JSON.stringify(a)).not.toContain('Meer initiatief');
    const hrView = (await s.hr.get(`/api/appraisals/${s.id}`)).body as Appraisal;
    expect(hrView.viewerRole).toBe('hr');
    expect(hrView.selfReview).toBeNull(); // a draft is nobody else's

    // The employee submits: now both see both.
    a = (
      await s.employee.put(`/api/appraisals/${s.id}/self-review`, {
        version: a.version,
        ratings: [
          ...full(s.version.behaviours.slice(1), 3),
          { behaviourId: s.version.behaviours[0], level: 4 },
        ],
        comments: [{ valueId: s.version.values[0], text: 'Ik bel altijd terug' }],
        submit: true,
      })
    ).body;
    expect(a.stage).toBe('conversation');
    expect(a.managerReview?.comments).toEqual([
      { valueId: s.version.values[1], text: 'Meer initiatief graag' },
    ]);
    asManager = (await s.manager.get(`/api/appraisals/${s.id}`)).body;
    expect(asManager.selfReview?.ratings).toContainEqual({ behaviourId: s.version.behaviours[0], level: 4 });
    // A submitted review is final.
    expect(
      (await s.employee.put(`/api/appraisals/${s.id}/self-review`, { version: a.version, ratings: [] }))
        .status,
    ).toBe(409);
  });

  it('lets HR release the manager review to the employee early, with an audit line', async () => {
    const s = await setUp('Release');
    let a = (await s.manager.get(`/api/appraisals/${s.id}`)).body as Appraisal;
    expect((await s.hr.post(`/api/appraisals/${s.id}/release`)).status).toBe(409);
    await s.manager.put(`/api/appraisals/${s.id}/manager-review`, {
      version: a.version,
      ratings: full(s.version.behaviours, 2),
      submit: true,
    });
    expect((await s.hr.post(`/api/appraisals/${s.id}/release`)).status).toBe(200);
    a = (await s.employee.get(`/api/appraisals/${s.id}`)).body;
    expect(a.managerReview?.ratings).toHaveLength(4);
    expect(a.events.map((e) => e.kind)).toEqual(['release']);
  });

  it('refuses a second save from a stale tab (409) and writes only the first', async () => {
    const s = await setUp('Tabs');
    const a = (await s.employee.get(`/api/appraisals/${s.id}`)).body as Appraisal;
    const [one, two] = await Promise.all(
      [1, 4].map((level) =>
        s.employee.put(`/api/appraisals/${s.id}/self-review`, {
          version: a.version,
          ratings: [{ behaviourId: s.version.behaviours[0], level }],
        }),
      ),
    );
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const loser = one.status === 409 ? one : two;
    expect(loser.body.code).toBe('stale_version');
    const [row] = await api.db.query(
      `SELECT count(*)::int AS n FROM appraisal_ratings WHERE appraisal_id = $1`,
      [s.id],
    );
    expect(row.n).toBe(1);
  });

  it('counts two signatures at the same moment, then freezes (409) until HR reopens with a reason', async () => {
    const s = await setUp('Sign');
    const [endpoint] = await api.db.query(
      `INSERT INTO webhook_endpoints (organisation_id, url, event_types, secret_encrypted)
       VALUES ($1, 'https://example.com/hook', '{appraisal.signed}', '\\x00') RETURNING id`,
      [s.world.organisationId],
    );
    const a = await signedAppraisal(s);
    // One appraisal.signed event for the two signatures, with ids only, and one delivery.
    const events = await api.db.query(
      `SELECT ev.data, count(d.id)::int AS deliveries FROM webhook_events ev
         LEFT JOIN webhook_deliveries d ON d.event_id = ev.id AND d.endpoint_id = $2
        WHERE ev.organisation_id = $1 AND ev.type = 'appraisal.signed' GROUP BY ev.id`,
      [s.world.organisationId, endpoint.id],
    );
    expect(events).toEqual([
      { data: { appraisalId: s.id, cycleId: s.cycleId, signedAt: expect.any(String) }, deliveries: 1 },
    ]);
    expect(a.stage).toBe('signed');
    expect(a.employeeSignedAt && a.reviewerSignedAt).toBeTruthy();
    expect(a.employeeRemark).toBe('Eens, op punt 2 na.');
    // Frozen: every change is a 409 and nothing is written.
    const changes = [
      s.manager.put(`/api/appraisals/${s.id}/conversation`, { version: a.version, sharedNotes: 'Anders' }),
      s.employee.put(`/api/appraisals/${s.id}/self-review`, { version: a.version, ratings: [] }),
      s.manager.put(`/api/appraisals/${s.id}/manager-review`, { version: a.version, ratings: [] }),
      s.employee.post(`/api/appraisals/${s.id}/sign`, {}),
      s.employee.put(`/api/appraisals/${s.id}/shared-rounds`, { roundIds: [] }),
      s.hr.put(`/api/appraisals/${s.id}/reviewer`, { reviewerId: s.world.users.admin.id }),
    ];
    expect((await Promise.all(changes)).map((r) => r.status)).toEqual([409, 409, 409, 409, 409, 409]);
    expect((await s.employee.get(`/api/appraisals/${s.id}`)).body.sharedNotes).toBe(
      'Goed gesprek over klantcontact.',
    );

    // Only HR reopens, and must say why.
    expect((await s.manager.post(`/api/appraisals/${s.id}/reopen`, { reason: 'x' })).status).toBe(403);
    const noReason = await s.hr.post(`/api/appraisals/${s.id}/reopen`, { reason: ' ' });
    expect(fieldsOf(noReason.body)).toEqual(['reason']);
    const reopened = await s.hr.post(`/api/appraisals/${s.id}/reopen`, {
      reason: 'Verkeerde datum vastgelegd',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      stage: 'conversation',
      employeeSignedAt: null,
      reviewerSignedAt: null,
    });
    expect(reopened.body.events).toEqual([
      expect.objectContaining({ kind: 'reopen', reason: 'Verkeerde datum vastgelegd', actorName: 'Test hr' }),
    ]);
    const fixed = await s.manager.put(`/api/appraisals/${s.id}/conversation`, {
      version: reopened.body.version,
      meetingDate: '2099-02-11',
    });
    expect(fixed.body.meetingDate).toBe('2099-02-11');
    // Deleting the organisation (the operator's delete) takes every appraisal row with it.
    await api.db.query(`DELETE FROM organisations WHERE id = $1`, [s.world.organisationId]);
    for (const table of [
      'appraisal_cycles',
      'appraisals',
      'appraisal_ratings',
      'appraisal_events',
      'appraisal_agreements',
    ])
      expect(
        (await api.db.query(`SELECT 1 FROM ${table} WHERE organisation_id = $1`, [s.world.organisationId]))
          .length,
      ).toBe(0);
  });

  it('renders the signed appraisal as PDF in NL and EN for employee, reviewer and HR only', async () => {
    const s = await setUp('Pdf');
    const a = await bothSubmitted(s);
    expect((await s.employee.get(`/api/appraisals/${s.id}/pdf`)).status).toBe(409);
    await s.manager.put(`/api/appraisals/${s.id}/conversation`, {
      version: a.version,
      meetingDate: '2099-02-10',
      agreements: [
        {
          valueId: s.version.values[0],
          what: 'Terugbelbelofte nakomen',
          support: 'Coaching',
          dueDate: '2099-06-01',
        },
      ],
    });
    await s.employee.post(`/api/appraisals/${s.id}/sign`, { remark: 'Graag meer scholing', disagree: true });
    await s.manager.post(`/api/appraisals/${s.id}/sign`, {});
    for (const client of [s.employee, s.manager, s.hr]) {
      const res = await fetch(`${api.url}/api/appraisals/${s.id}/pdf`, {
        headers: { cookie: (client as unknown as { cookie: string }).cookie },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/pdf');
      const text = pdfText(Buffer.from(await res.arrayBuffer()));
      for (const expected of [
        'Beoordelings- en ontwikkelgesprek',
        'Jaargesprekken 2026',
        'Test employee',
        'Gedrag betrouwbaar 0',
        'Zelf: Goed',
        'Leidinggevende: Verbeterbaar',
        'Terugbelbelofte nakomen',
        'Graag meer scholing',
        'niet eens',
        '10 februari 2099',
      ])
        expect(text).toContain(expected);
    }
    const en = await fetch(`${api.url}/api/appraisals/${s.id}/pdf?locale=en`, {
      headers: { cookie: (s.hr as unknown as { cookie: string }).cookie },
    });
    const enText = pdfText(Buffer.from(await en.arrayBuffer()));
    for (const expected of [
      'Appraisal and development conversation',
      'Behaviour betrouwbaar 0',
      'Self: Good',
      'disagrees',
      '10 February 2099',
    ])
      expect(enText).toContain(expected);
    const outsider = await s.login(s.world.teamMember.email);
    expect((await outsider.get(`/api/appraisals/${s.id}/pdf`)).status).toBe(404);
  });

  it('draws names, comments, agreements and remarks in any Latin, Greek or Cyrillic script exactly as written', async () => {
    const s = await setUp('Schrift');
    const comment = 'Łukasz Żółć, Şükrü Ağaoğlu, Dvořák, Ștefan: Ελληνικά, Кириллица, Їжак';
    const a = await bothSubmitted(s, [{ valueId: s.version.values[0], text: comment }]);
    await s.manager.put(`/api/appraisals/${s.id}/conversation`, {
      version: a.version,
      meetingDate: '2099-02-10',
      agreements: [{ valueId: null, what: 'Τηλεφωνική κλήση', support: 'Наставник', dueDate: null }],
    });
    expect((await s.employee.post(`/api/appraisals/${s.id}/sign`, { remark: 'Zgadzam się' })).status).toBe(
      200,
    );
    expect((await s.manager.post(`/api/appraisals/${s.id}/sign`, {})).status).toBe(200);
    const read = async () => {
      const res = await fetch(`${api.url}/api/appraisals/${s.id}/pdf`, {
        headers: { cookie: (s.hr as unknown as { cookie: string }).cookie },
      });
      expect(res.status).toBe(200);
      return pdfText(Buffer.from(await res.arrayBuffer()));
    };
    // Typed through the api: the comment, the agreement and the remark.
    const typed = await read();
    for (const written of [
      `Toelichting medewerker: ${comment}`,
      'Algemeen: Τηλεφωνική κλήση (Ondersteuning: Наставник)',
      'Opmerking van de medewerker: Zgadzam się',
    ])
      expect(typed).toContain(written);
    // Generated names and texts, written straight to the rows of the signed appraisal.
    await fc.assert(
      fc.asyncProperty(
        scriptText(3),
        scriptText(3),
        scriptText(8),
        scriptText(6),
        async (employee, reviewer, what, remark) => {
          await api.db.query(`UPDATE users SET name = $2 WHERE id = $1`, [
            s.world.users.employee.id,
            employee,
          ]);
          await api.db.query(
            `UPDATE users SET name = $2 WHERE id = (SELECT reviewer_id FROM appraisals WHERE id = $1)`,
            [s.id, reviewer],
          );
          await api.db.query(`UPDATE appraisal_agreements SET what = $2 WHERE appraisal_id = $1`, [
            s.id,
            what,
          ]);
          await api.db.query(`UPDATE appraisals SET employee_remark = $2 WHERE id = $1`, [s.id, remark]);
          const text = await read();
          for (const written of [
            `Medewerker: ${employee}`,
            `Beoordelaar: ${reviewer}`,
            `Algemeen: ${what} (Ondersteuning: Наставник)`,
            `Opmerking van de medewerker: ${remark}`,
          ])
            expect(text).toContain(written);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('shows self-assessment answers to the reviewer only with consent, in that appraisal only, revocable until signing', async () => {
    const s = await setUp('Consent');
    // A round the employee answered.
    const round = {
      id: await createAnsweredRound(
        api.db,
        s.world.organisationId,
        s.version.versionId,
        s.world.users.employee.id,
        s.version.behaviours,
      ),
    };
    // Every GET route of appraisals, as the reviewer and as HR: the round is nowhere. (The document
    // is built once: building it per path took long enough for the idle keep-alive socket to close.)
    const paths = openApiDocument(api.app).paths;
    const getRoutes = Object.keys(paths)
      .filter((p) => p.startsWith('/api/appraisal') && (paths[p] as Record<string, unknown>).get)
      .map((p) =>
        p.replace('/api/appraisal-cycles/{id}', `/api/appraisal-cycles/${s.cycleId}`).replace('{id}', s.id),
      );
    expect(getRoutes.length).toBeGreaterThanOrEqual(7);
    const leaks = async (client: HttpClient) => {
      const found: string[] = [];
      for (const path of getRoutes) {
        const res = await client.get(path);
        if (JSON.stringify(res.body ?? '').includes(round.id)) found.push(path);
      }
      return found;
    };
    expect(await leaks(s.manager)).toEqual([]);
    expect(await leaks(s.hr)).toEqual([]);
    const own = (await s.employee.get(`/api/appraisals/${s.id}`)).body as Appraisal;
    expect(own.shareableRounds.map((r) => r.roundId)).toEqual([round.id]);

    // Sharing someone else's round, or a round id that is not the employee's: 400 naming it.
    const bad = await s.employee.put(`/api/appraisals/${s.id}/shared-rounds`, { roundIds: [s.cycleId] });
    expect(fieldsOf(bad.body)).toEqual(['roundIds[0]']);
    // The reviewer cannot share on the employee's behalf.
    expect(
      (await s.manager.put(`/api/appraisals/${s.id}/shared-rounds`, { roundIds: [round.id] })).status,
    ).toBe(404);

    expect(
      (await s.employee.put(`/api/appraisals/${s.id}/shared-rounds`, { roundIds: [round.id] })).status,
    ).toBe(200);
    const seen = (await s.manager.get(`/api/appraisals/${s.id}`)).body as Appraisal;
    expect(seen.sharedSelfAssessments).toEqual([
      {
        roundId: round.id,
        openedAt: expect.any(String),
        answers: s.version.behaviours
          .map((behaviourId) => ({ behaviourId, level: 1 }))
          .sort((x, y) => x.behaviourId.localeCompare(y.behaviourId)),
      },
    ]);
    // There and only there: not to HR, not in the lists, not in the other appraisal of the same reviewer.
    expect(await leaks(s.hr)).toEqual([]);
    const others = (await s.manager.get('/api/appraisals/reports')).body as { id: string }[];
    for (const other of others.filter((o) => o.id !== s.id))
      expect(JSON.stringify((await s.manager.get(`/api/appraisals/${other.id}`)).body)).not.toContain(
        round.id,
      );

    // Revoked: gone again.
    await s.employee.put(`/api/appraisals/${s.id}/shared-rounds`, { roundIds: [] });
    expect(await leaks(s.manager)).toEqual([]);
  });

  it('gives 404 to another manager, another employee and another organisation, 403 to a role without the permission', async () => {
    const s = await setUp('Roles');
    const foreign = await createWorld(api.db, 'Roles vreemd');
    const otherManager = await createUser(api.db, s.world.organisationId, {
      role: 'manager',
      teamId: s.world.otherTeamId,
    });
    await api.db.query(`INSERT INTO team_managers (organisation_id, team_id, user_id) VALUES ($1, $2, $3)`, [
      s.world.organisationId,
      s.world.otherTeamId,
      otherManager.id,
    ]);
    const clients = {
      otherManager: await s.login(otherManager.email),
      otherEmployee: await s.login(s.world.teamMember.email),
      foreignAdmin: await s.login(foreign.users.admin.email),
      foreignHr: await s.login(foreign.users.hr.email),
    };
    const a = (await s.employee.get(`/api/appraisals/${s.id}`)).body as Appraisal;
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/appraisals/${s.id}`],
      ['GET', `/api/appraisals/${s.id}/pdf`],
      ['PUT', `/api/appraisals/${s.id}/self-review`, { version: a.version, ratings: [] }],
      ['PUT', `/api/appraisals/${s.id}/manager-review`, { version: a.version, ratings: [] }],
      ['PUT', `/api/appraisals/${s.id}/conversation`, { version: a.version }],
      ['POST', `/api/appraisals/${s.id}/sign`, {}],
      ['PUT', `/api/appraisals/${s.id}/shared-rounds`, { roundIds: [] }],
    ];
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [who, client] of Object.entries(clients))
      for (const [method, path, body] of routes) {
        const res = await client.request(method, path, body);
        outcomes.push(`${who} ${method} ${path} ${res.status}`);
        // The other employee lacks appraisals.review: the manager route is a 403 before any lookup.
        const status = who === 'otherEmployee' && path.endsWith('manager-review') ? 403 : 404;
        expected.push(`${who} ${method} ${path} ${status}`);
      }
    // HR routes on a foreign cycle: 404 too.
    for (const client of [clients.foreignAdmin, clients.foreignHr]) {
      for (const path of [
        `/api/appraisal-cycles/${s.cycleId}`,
        `/api/appraisal-cycles/${s.cycleId}/appraisals`,
      ]) {
        const res = await client.get(path);
        outcomes.push(`foreign GET ${path} ${res.status}`);
        expected.push(`foreign GET ${path} 404`);
      }
    }
    expect(outcomes).toEqual(expected);
    // The reviewer writes only its own review; the employee only the self review.
    expect(
      (await s.manager.put(`/api/appraisals/${s.id}/self-review`, { version: a.version, ratings: [] }))
        .status,
    ).toBe(404);
    expect(
      (await s.employee.put(`/api/appraisals/${s.id}/manager-review`, { version: a.version, ratings: [] }))
        .status,
    ).toBe(403);
    // HR reads all of the organisation, but is nobody's reviewer here.
    expect((await s.hr.get(`/api/appraisals/${s.id}`)).status).toBe(200);
    expect(
      (await s.hr.put(`/api/appraisals/${s.id}/manager-review`, { version: a.version, ratings: [] })).status,
    ).toBe(404);
    // Lists: each sees its own.
    expect(
      ((await s.manager.get('/api/appraisals/reports')).body as { id: string }[]).map((x) => x.id),
    ).toContain(s.id);
    expect((await clients.otherManager.get('/api/appraisals/reports')).body).toEqual([]);
    expect(
      ((await clients.otherEmployee.get('/api/appraisals/mine')).body as { id: string }[]).map((x) => x.id),
    ).not.toContain(s.id);
  });

  it('picks the nearest manager up the tree as reviewer; HR reassigns to an active reviewer (400 otherwise)', async () => {
    const s = await setUp('Reviewer');
    // The employee's team has no manager: its department's manager reviews.
    expect((await s.employee.get(`/api/appraisals/${s.id}`)).body.reviewerId).toBe(s.world.users.manager.id);
    // The manager itself sits in the department it manages: not its own reviewer.
    const cycle = await s.hr.post('/api/appraisal-cycles', {
      name: 'Alle',
      ...DATES,
      valuesVersionId: s.version.versionId,
    });
    await s.hr.post(`/api/appraisal-cycles/${cycle.body.id}/open`);
    const all = (await s.hr.get(`/api/appraisal-cycles/${cycle.body.id}/appraisals`)).body as {
      employeeId: string;
      reviewerId: string | null;
    }[];
    expect(all.find((x) => x.employeeId === s.world.users.manager.id)?.reviewerId).toBeNull();
    expect(all.find((x) => x.employeeId === s.world.outsider.id)?.reviewerId).toBeNull();

    for (const reviewerId of [
      s.world.users.employee.id,
      s.world.teamMember.id,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const res = await s.hr.put(`/api/appraisals/${s.id}/reviewer`, { reviewerId });
      expect(`${res.status} ${fieldsOf(res.body)}`).toBe('400 reviewerId');
    }
    const moved = await s.hr.put(`/api/appraisals/${s.id}/reviewer`, { reviewerId: s.world.users.admin.id });
    expect(moved.body).toMatchObject({ reviewerId: s.world.users.admin.id });
    expect(moved.body.events.map((e: { kind: string }) => e.kind)).toEqual(['reassign']);
    // The old reviewer is out (404), the new one in.
    expect((await s.manager.get(`/api/appraisals/${s.id}`)).status).toBe(404);
    const admin = await s.login(s.world.users.admin.email);
    expect((await admin.get(`/api/appraisals/${s.id}`)).body.viewerRole).toBe('reviewer');
  });

  it('creates one appraisal and one mail per person however often (and concurrently) the opening runs', async () => {
    const s = await setUp('Twice');
    const service = api.app.get(AppraisalCyclesService);
    await Promise.all([
      s.hr.post(`/api/appraisal-cycles/${s.cycleId}/open`),
      service.openCycle(s.world.organisationId, s.cycleId),
      service.openCycle(s.world.organisationId, s.cycleId),
    ]);
    const appraisals = await api.db.query(
      `SELECT employee_id FROM appraisals WHERE cycle_id = $1 ORDER BY employee_id`,
      [s.cycleId],
    );
    expect(appraisals.map((r: { employee_id: string }) => r.employee_id)).toEqual(
      [s.world.users.employee.id, s.world.teamMember.id].sort(),
    );
    const mails = await api.db.query(
      `SELECT to_address, count(*)::int AS n FROM outbox_messages WHERE organisation_id = $1 AND kind = 'appraisal-invite' GROUP BY to_address ORDER BY to_address`,
      [s.world.organisationId],
    );
    expect(mails).toEqual(
      [s.world.users.employee.email, s.world.teamMember.email]
        .sort()
        .map((to_address) => ({ to_address, n: 1 })),
    );
    const [mail] = await api.db.query(
      `SELECT subject, text_body FROM outbox_messages WHERE to_address = $1 AND kind = 'appraisal-invite'`,
      [s.world.users.employee.email],
    );
    expect(mail.subject).toBe('Jaargesprekken 2026: je beoordelings- en ontwikkelgesprek');
    expect(mail.text_body).toContain(`/appraisals/${s.id}`);
    expect(mail.text_body).toContain('15 januari 2099');
    // A newcomer is added by the next opening, and only the newcomer is mailed.
    const newcomer = await createUser(api.db, s.world.organisationId, { teamId: s.world.teamId });
    expect(await service.openCycle(s.world.organisationId, s.cycleId)).toEqual({ created: 1 });
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE organisation_id = $1 AND kind = 'appraisal-invite'`,
      [s.world.organisationId],
    );
    expect(n).toBe(3);
    expect(
      (await api.db.query(`SELECT 1 FROM outbox_messages WHERE to_address = $1`, [newcomer.email])).length,
    ).toBe(1);
  });

  it('reminds only whoever is behind at each stage, never twice', async () => {
    const s = await setUp('Remind');
    const service = api.app.get(AppraisalCyclesService);
    // The employee submits its self review; the team member does not.
    const a = (await s.employee.get(`/api/appraisals/${s.id}`)).body as Appraisal;
    await s.employee.put(`/api/appraisals/${s.id}/self-review`, {
      version: a.version,
      ratings: full(s.version.behaviours, 3),
      submit: true,
    });
    const reminded = async (stage: 'self_review' | 'manager_review' | 'conversation' | 'sign_off') => {
      await service.remind(s.world.organisationId, s.cycleId, stage);
      await service.remind(s.world.organisationId, s.cycleId, stage);
      const rows: { to_address: string }[] = await api.db.query(
        `SELECT to_address FROM outbox_messages WHERE organisation_id = $1 AND kind = 'appraisal-reminder' AND dedup_key LIKE $2 ORDER BY to_address`,
        [s.world.organisationId, `%:${stage}:%`],
      );
      return rows.map((r) => r.to_address);
    };
    expect(await reminded('self_review')).toEqual([s.world.teamMember.email]);
    // The manager is behind on both reviews: one mail per appraisal.
    expect(await reminded('manager_review')).toEqual([
      s.world.users.manager.email,
      s.world.users.manager.email,
    ]);
    const [mail] = await api.db.query(
      `SELECT text_body FROM outbox_messages WHERE kind = 'appraisal-reminder' AND to_address = $1 LIMIT 1`,
      [s.world.teamMember.email],
    );
    expect(mail.text_body).toContain('je zelfbeoordeling');
    // Signed appraisals are nobody's business any more; a closed cycle reminds nobody.
    await s.hr.post(`/api/appraisal-cycles/${s.cycleId}/close`);
    expect(await service.remind(s.world.organisationId, s.cycleId, 'sign_off')).toBe(0);
  });

  it('shows HR the manager ratings per value per team and reviewer, only at or above the anonymity minimum', async () => {
    const s = await setUp('Calib');
    await api.db.query(`UPDATE organisations SET anonymity_minimum = 3 WHERE id = $1`, [
      s.world.organisationId,
    ]);
    const extra = await createUser(api.db, s.world.organisationId, { teamId: s.world.teamId, name: 'Extra' });
    const cycle = await s.hr.post('/api/appraisal-cycles', {
      name: 'Alle',
      ...DATES,
      valuesVersionId: s.version.versionId,
    });
    await s.hr.post(`/api/appraisal-cycles/${cycle.body.id}/open`);
    const list = (await s.hr.get(`/api/appraisal-cycles/${cycle.body.id}/appraisals`)).body as {
      id: string;
      employeeId: string;
    }[];
    const of = (userId: string) => list.find((x) => x.employeeId === userId)!.id;
    const review = async (client: HttpClient, id: string, levels: (1 | 2 | 3 | 4 | null)[]) => {
      const a = (await client.get(`/api/appraisals/${id}`)).body as Appraisal;
      const res = await client.put(`/api/appraisals/${id}/manager-review`, {
        version: a.version,
        ratings: s.version.behaviours.map((behaviourId, i) => ({ behaviourId, level: levels[i] })),
        submit: true,
      });
      expect(res.status).toBe(200);
    };
    await review(s.manager, of(s.world.users.employee.id), [2, 2, 2, 2]);
    await review(s.manager, of(s.world.teamMember.id), [3, 3, 3, 3]);
    await review(s.manager, of(extra.id), [4, 4, null, null]);
    // The outsider's appraisal goes to the admin: one review, below the minimum.
    await s.hr.put(`/api/appraisals/${of(s.world.outsider.id)}/reviewer`, {
      reviewerId: s.world.users.admin.id,
    });
    await review(await s.login(s.world.users.admin.email), of(s.world.outsider.id), [1, 1, 1, 1]);

    const res = await s.hr.get(`/api/appraisal-cycles/${cycle.body.id}/calibration`);
    expect(res.status).toBe(200);
    const [v0, v1] = s.version.values;
    const full = {
      n: 3,
      suppressed: false,
      perValue: [
        { valueId: v0, mean: 3, distribution: [0, 2, 2, 2] },
        { valueId: v1, mean: 2.5, distribution: [0, 2, 2, 0] },
      ],
    };
    const hidden = { n: 1, suppressed: true, perValue: [] };
    expect(res.body.anonymityMinimum).toBe(3);
    expect(res.body.teams).toEqual([
      { id: s.world.otherTeamId, name: 'Calib ander team', ...hidden },
      { id: s.world.teamId, name: 'Calib team', ...full },
    ]);
    expect(res.body.reviewers).toEqual(
      expect.arrayContaining([
        { id: s.world.users.manager.id, name: 'Test manager', ...full },
        { id: s.world.users.admin.id, name: 'Test admin', ...hidden },
      ]),
    );
    expect(res.body.reviewers).toHaveLength(2);
    // The suppressed group's ratings appear nowhere in the answer.
    expect(JSON.stringify(res.body.teams[0])).not.toContain('distribution');
    expect((await s.manager.get(`/api/appraisal-cycles/${cycle.body.id}/calibration`)).status).toBe(403);

    // The managers' perspective in insights: one aggregate per cycle over the organisation, for every role.
    const perspective = await s.employee.get('/api/appraisals/perspective?valueKey=betrouwbaar');
    expect(perspective.body).toEqual({
      valueKey: 'betrouwbaar',
      minimum: 3,
      cycles: [
        {
          cycleId: cycle.body.id,
          cycleName: 'Alle',
          periodEnd: DATES.periodEnd,
          n: 4,
          suppressed: false,
          mean: 2.5,
          index: 50,
        },
      ],
    });
    // Three appraisals rated "persoonlijk" (the extra one said n.v.t.): shown at 3, hidden at 5.
    expect((await s.hr.get('/api/appraisals/perspective?valueKey=persoonlijk')).body.cycles[0]).toMatchObject(
      { n: 3, mean: 2 },
    );
    await api.db.query(`UPDATE organisations SET anonymity_minimum = 5 WHERE id = $1`, [
      s.world.organisationId,
    ]);
    expect((await s.manager.get('/api/appraisals/perspective?valueKey=persoonlijk')).body.cycles[0]).toEqual(
      expect.objectContaining({ n: 3, suppressed: true, mean: null, index: null }),
    );
    expect(fieldsOf((await s.hr.get('/api/appraisals/perspective')).body)).toEqual(['valueKey']);
  });

  it('answers bad input with 400 naming the field', async () => {
    const s = await setUp('Bad');
    const other = await valuesVersion(api.db, s.world.organisationId, 2);
    const a = (await s.employee.get(`/api/appraisals/${s.id}`)).body as Appraisal;
    const save = (body: unknown) => s.employee.put(`/api/appraisals/${s.id}/self-review`, body);
    const cases: [unknown, string[]][] = [
      [
        { version: a.version, ratings: [{ behaviourId: s.version.behaviours[0], level: 5 }] },
        ['ratings[0].level'],
      ],
      [
        { version: a.version, ratings: [{ behaviourId: s.version.behaviours[0], level: 0 }] },
        ['ratings[0].level'],
      ],
      [
        { version: a.version, ratings: [{ behaviourId: s.version.behaviours[0], level: '3' }] },
        ['ratings[0].level'],
      ],
      [
        { version: a.version, ratings: [{ behaviourId: other.behaviours[0], level: 3 }] },
        ['ratings[0].behaviourId'],
      ],
      [
        {
          version: a.version,
          ratings: [
            { behaviourId: s.version.behaviours[0], level: 3 },
            { behaviourId: s.version.behaviours[0], level: 2 },
          ],
        },
        ['ratings[1].behaviourId'],
      ],
      [
        { version: a.version, ratings: [], comments: [{ valueId: other.values[0], text: 'x' }] },
        ['comments[0].valueId'],
      ],
      [
        { version: a.version, ratings: [], answers: [{ questionId: 'q9', text: 'x' }] },
        ['answers[0].questionId'],
      ],
      [{ version: a.version, ratings: full(s.version.behaviours.slice(1), 2), submit: true }, ['ratings']],
      [{ ratings: [] }, ['version']],
    ];
    for (const [body, fields] of cases) {
      const res = await save(body);
      expect(`${res.status} ${fieldsOf(res.body)}`).toBe(`400 ${fields}`);
    }
    expect((await s.employee.get(`/api/appraisals/${s.id}`)).body.version).toBe(a.version);

    // Cycle dates: every order of the four deadlines; 400 naming the first out of order.
    const days = ['2099-01-01', '2099-02-01', '2099-03-01', '2099-04-01'];
    const keys = ['selfReviewDue', 'managerReviewDue', 'conversationDue', 'signOffDue'];
    const permutations = (xs: string[]): string[][] =>
      xs.length <= 1
        ? [xs]
        : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
    for (const order of permutations(days)) {
      const body = {
        name: 'Orde',
        ...DATES,
        valuesVersionId: s.version.versionId,
        ...Object.fromEntries(keys.map((k, i) => [k, order[i]])),
      };
      const res = await s.hr.post('/api/appraisal-cycles', body);
      const firstBad = keys.findIndex((k, i) => i > 0 && order[i] < order[i - 1]);
      expect(`${order} ${res.status} ${fieldsOf(res.body)}`).toBe(
        `${order} ${firstBad < 0 ? '201 ' : `400 ${keys[firstBad]}`}`,
      );
    }
    const cycle = (body: object) =>
      s.hr.post('/api/appraisal-cycles', {
        name: 'X',
        ...DATES,
        valuesVersionId: s.version.versionId,
        ...body,
      });
    expect(fieldsOf((await cycle({ periodEnd: '2025-12-31' })).body)).toEqual(['periodEnd']);
    expect(fieldsOf((await cycle({ selfReviewDue: '2099-13-01' })).body)).toEqual(['selfReviewDue']);
    expect(fieldsOf((await cycle({ teamIds: [s.cycleId] })).body)).toEqual(['teamIds[0]']);
    const [draft] = await api.db.query(
      `INSERT INTO value_set_versions (organisation_id, number, status) VALUES ($1, 3, 'draft') RETURNING id`,
      [s.world.organisationId],
    );
    expect(fieldsOf((await cycle({ valuesVersionId: draft.id })).body)).toEqual(['valuesVersionId']);
    expect(fieldsOf((await cycle({ name: '  ' })).body)).toEqual(['name']);
  });
});

describe('appraisal reminders in the worker', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-appraisals`;
  let api: RunningApi;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix });
    worker = await startWorker({ QUEUE_PREFIX: prefix });
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('queues one job per stage deadline (fixed ids) and the worker reminds whoever is behind once', async () => {
    const world = await createWorld(api.db, 'Worker');
    const version = await valuesVersion(api.db, world.organisationId);
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    // The self review is due tomorrow: its reminder time has passed, so it runs at once.
    const cycle = await hr.post('/api/appraisal-cycles', {
      name: 'Nu',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      teamIds: [world.teamId],
      valuesVersionId: version.versionId,
      selfReviewDue: day(1),
      managerReviewDue: day(30),
      conversationDue: day(40),
      signOffDue: day(50),
    });
    await hr.post(`/api/appraisal-cycles/${cycle.body.id}/open`);
    await hr.post(`/api/appraisal-cycles/${cycle.body.id}/open`);
    const queue = api.app.get<Queue>(getQueueToken('appraisals'));
    for (const stage of ['manager_review', 'conversation', 'sign_off'])
      expect(await queue.getJobState(`appraisal-remind-${cycle.body.id}-${stage}`)).toBe('delayed');
    const reminded = await eventually(async () => {
      const rows: { to_address: string }[] = await api.db.query(
        `SELECT to_address FROM outbox_messages WHERE organisation_id = $1 AND kind = 'appraisal-reminder' ORDER BY to_address`,
        [world.organisationId],
      );
      return rows.length >= 2 ? rows.map((r) => r.to_address) : null;
    });
    expect(reminded).toEqual([world.users.employee.email, world.teamMember.email].sort());
    await api.db.query(`UPDATE appraisal_cycles SET status = 'closed' WHERE id = $1`, [cycle.body.id]);
  });
});
