import { KpiRollupsService } from '@wk/api-testing';
import type { Appraisal, AppraisalContext, AppraisalCycleRow, AppraisalSummary } from '@wk/contracts';
import type { DataSource } from 'typeorm';
import { createAppraisalValues, pdfText } from '../support/appraisals';
import { createTeam, createUser, createWorld, TEST_PASSWORD } from '../support/factories';
import { RunningApi, startApi } from '../support/harness';
import { HttpClient } from '../support/http-client';

/**
 * Issue 16, the parts beside the flow: customer recognition of the team's journeys and touchpoints
 * beside the conversation, who really reviewed (calibration), reviewers who left, a person who
 * changes team mid-cycle, previous agreements in the viewer's language.
 */

const DATES = {
  selfReviewDue: '2099-01-15',
  managerReviewDue: '2099-01-31',
  conversationDue: '2099-02-15',
  signOffDue: '2099-02-28',
};
// Today's answers fall inside this year's period (the customer answers are written today).
const year = new Date().getUTCFullYear();
const THIS_YEAR = { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, ...DATES };
const LAST_YEAR = { periodStart: `${year - 1}-01-01`, periodEnd: `${year - 1}-12-31`, ...DATES };

const full = (behaviours: string[], level: 1 | 2 | 3 | 4) =>
  behaviours.map((behaviourId) => ({ behaviourId, level }));

/** Customer answers of one team at one touchpoint: each grade once per value of the version. */
async function answers(
  db: DataSource,
  organisationId: string,
  survey: { id: string; versionId: string; journeyId: string; values: string[] },
  touchpointId: string,
  teamId: string,
  grades: number[],
) {
  for (const grade of grades) {
    const [response] = await db.query(
      `INSERT INTO survey_responses (organisation_id, survey_id, values_version_id, channel, journey_id, touchpoint_id, team_id, locale)
       VALUES ($1, $2, $3, 'open', $4, $5, $6, 'nl') RETURNING id`,
      [organisationId, survey.id, survey.versionId, survey.journeyId, touchpointId, teamId],
    );
    for (const valueId of survey.values)
      await db.query(
        `INSERT INTO survey_response_grades (organisation_id, response_id, value_id, grade) VALUES ($1, $2, $3, $4)`,
        [organisationId, response.id, valueId, grade],
      );
  }
}

describe('appraisals: context, reviewers and team changes (issue 16)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  async function setUp(name: string, dates = THIS_YEAR) {
    const world = await createWorld(api.db, name);
    const version = await createAppraisalValues(api.db, world.organisationId);
    const login = (email: string) => new HttpClient(api.url).login(email, TEST_PASSWORD);
    const hr = await login(world.users.hr.email);
    const manager = await login(world.users.manager.email);
    const employee = await login(world.users.employee.email);
    const open = async (cycleName: string, period = dates) => {
      const created = await hr.post('/api/appraisal-cycles', {
        name: cycleName,
        ...period,
        valuesVersionId: version.versionId,
      });
      expect(created.status).toBe(201);
      expect((await hr.post(`/api/appraisal-cycles/${created.body.id}/open`)).status).toBe(200);
      const rows = (await hr.get(`/api/appraisal-cycles/${created.body.id}/appraisals`))
        .body as AppraisalCycleRow[];
      return {
        cycleId: created.body.id as string,
        rows,
        of: (userId: string) => rows.find((r) => r.employeeId === userId)!.id,
      };
    };
    return { world, version, hr, manager, employee, login, open };
  }

  async function sign(
    s: Awaited<ReturnType<typeof setUp>>,
    id: string,
    agreements: { valueId: string | null; what: string; support: string; dueDate: string | null }[] = [],
  ) {
    let a = (await s.employee.get(`/api/appraisals/${id}`)).body as Appraisal;
    a = (
      await s.employee.put(`/api/appraisals/${id}/self-review`, {
        version: a.version,
        ratings: full(s.version.behaviours, 3),
        submit: true,
      })
    ).body;
    a = (
      await s.manager.put(`/api/appraisals/${id}/manager-review`, {
        version: a.version,
        ratings: full(s.version.behaviours, 2),
        submit: true,
      })
    ).body;
    const conversation = await s.manager.put(`/api/appraisals/${id}/conversation`, {
      version: a.version,
      meetingDate: '2099-02-10',
      agreements,
    });
    expect(conversation.status).toBe(200);
    expect((await s.employee.post(`/api/appraisals/${id}/sign`, {})).status).toBe(200);
    expect((await s.manager.post(`/api/appraisals/${id}/sign`, {})).status).toBe(200);
  }

  it("shows per value the recognition of the current team's journeys and touchpoints, never below the minimum", async () => {
    const s = await setUp('Context');
    const org = s.world.organisationId;
    const [journey] = await api.db.query(
      `INSERT INTO customer_journeys (organisation_id, name) VALUES ($1, 'Verhuizen') RETURNING id`,
      [org],
    );
    const touchpoints: string[] = [];
    for (const [position, name] of ['Aanvraag', 'Sleuteloverdracht'].entries()) {
      const [t] = await api.db.query(
        `INSERT INTO journey_touchpoints (organisation_id, journey_id, position, name, channel) VALUES ($1, $2, $3, $4, 'desk') RETURNING id`,
        [org, journey.id, position, name],
      );
      touchpoints.push(t.id);
    }
    const [survey] = await api.db.query(
      `INSERT INTO surveys (organisation_id, name, values_version_id, journey_id, open_code) VALUES ($1, 'Klanten', $2, $3, md5(random()::text)) RETURNING id`,
      [org, s.version.versionId, journey.id],
    );
    const sv = {
      id: survey.id,
      versionId: s.version.versionId,
      journeyId: journey.id,
      values: s.version.values,
    };
    // The employee's team: five grades at the first touchpoint (the minimum), two at the second.
    await answers(api.db, org, sv, touchpoints[0], s.world.teamId, [8, 8, 9, 9, 6]);
    await answers(api.db, org, sv, touchpoints[1], s.world.teamId, [4, 5]);
    // A sub-team of it counts with it; another team never does.
    const subTeam = await createTeam(api.db, org, 'Context subteam', s.world.teamId);
    await answers(api.db, org, sv, touchpoints[1], subTeam, [5]);
    await answers(api.db, org, sv, touchpoints[0], s.world.otherTeamId, [1, 1, 1, 1, 1]);
    await api.app.get(KpiRollupsService).rebuild(org);

    const { of } = await s.open('Jaargesprekken');
    const id = of(s.world.users.employee.id);
    for (const client of [s.employee, s.manager, s.hr]) {
      const res = await client.get(`/api/appraisals/${id}/context`);
      expect(res.status).toBe(200);
      const context = res.body as AppraisalContext;
      expect(context).toMatchObject({
        teamId: s.world.teamId,
        teamName: 'Context team',
        from: `${year}-01`,
        to: `${year}-12`,
        minimum: 5,
      });
      expect(context.values.map((v) => v.valueKey)).toEqual(['betrouwbaar', 'persoonlijk']);
      for (const value of context.values) {
        // The journey: 5 + 2 + 1 grades; the first touchpoint shown, the second (3 grades) hidden.
        expect(value.journeys).toEqual([
          { id: journey.id, name: 'Verhuizen', n: 8, mean: 6.75, index: expect.any(Number) },
        ]);
        expect(value.touchpoints).toEqual([
          {
            id: touchpoints[0],
            name: 'Aanvraag',
            journeyName: 'Verhuizen',
            n: 5,
            mean: 8,
            index: expect.any(Number),
          },
        ]);
        expect(value.hidden).toBe(1);
      }
      // The hidden touchpoint's grades are nowhere in the answer.
      expect(JSON.stringify(res.body)).not.toContain(touchpoints[1]);
    }
    // Another employee, another manager's outsider: 404, like the appraisal itself.
    expect(
      (await (await s.login(s.world.teamMember.email)).get(`/api/appraisals/${id}/context`)).status,
    ).toBe(404);
    const other = await createWorld(api.db, 'Context elders');
    const foreign = await new HttpClient(api.url).login(other.users.hr.email, TEST_PASSWORD);
    expect((await foreign.get(`/api/appraisals/${id}/context`)).status).toBe(404);

    // English names for an English reader, where the journey or touchpoint has one.
    await api.db.query(`UPDATE customer_journeys SET name_en = 'Moving house' WHERE id = $1`, [journey.id]);
    const english = (await s.employee.get(`/api/appraisals/${id}/context?locale=en`))
      .body as AppraisalContext;
    expect(english.values[0].journeys[0].name).toBe('Moving house');
    expect(english.values[0].touchpoints[0]).toMatchObject({ name: 'Aanvraag', journeyName: 'Moving house' });

    // With a lower minimum the second touchpoint (three grades) appears.
    await api.db.query(`UPDATE organisations SET anonymity_minimum = 3 WHERE id = $1`, [org]);
    const lower = (await s.employee.get(`/api/appraisals/${id}/context`)).body as AppraisalContext;
    expect(lower.values[0].touchpoints.map((t) => [t.name, t.n])).toEqual([
      ['Aanvraag', 5],
      ['Sleuteloverdracht', 3],
    ]);
    expect(lower.values[0].touchpoints[1].mean).toBeCloseTo(14 / 3, 10);
    expect(lower.values[0].hidden).toBe(0);

    // Changing team mid-cycle: the context follows the current team; the appraisal keeps its
    // reviewer and its team at opening (progress and calibration) until HR reassigns.
    await api.db.query(`UPDATE users SET team_id = $2 WHERE id = $1`, [
      s.world.users.employee.id,
      s.world.otherTeamId,
    ]);
    const moved = (await s.employee.get(`/api/appraisals/${id}/context`)).body as AppraisalContext;
    expect(moved).toMatchObject({ teamId: s.world.otherTeamId, teamName: 'Context ander team' });
    expect(moved.values[0].touchpoints).toEqual([
      expect.objectContaining({ name: 'Aanvraag', n: 5, mean: 1 }),
    ]);
    const a = (await s.employee.get(`/api/appraisals/${id}`)).body as Appraisal;
    expect(a).toMatchObject({
      reviewerId: s.world.users.manager.id,
      teamId: s.world.teamId,
      currentTeamId: s.world.otherTeamId,
      currentTeamName: 'Context ander team',
      teamChanged: true,
      reviewerIssue: null,
    });
    // The reviewer still reviews; nothing moved in the progress.
    expect((await s.manager.get(`/api/appraisals/${id}`)).body.viewerRole).toBe('reviewer');
  });

  it('tells HR whose reviewer cannot review (left, deactivated, no longer a reviewer) or who changed team, with a suggestion to reassign', async () => {
    const s = await setUp('Attention');
    const org = s.world.organisationId;
    // A manager of the other team: the suggestion for someone who moves there.
    const otherManager = await createUser(api.db, org, { role: 'manager', name: 'Andere manager' });
    await api.db.query(`INSERT INTO team_managers (organisation_id, team_id, user_id) VALUES ($1, $2, $3)`, [
      org,
      s.world.otherTeamId,
      otherManager.id,
    ]);
    const { cycleId, rows, of } = await s.open('Alle');
    const byEmployee = (list: AppraisalCycleRow[], userId: string) =>
      list.find((r) => r.employeeId === userId)!;
    // At opening: people with no manager above them (no team, or the top managers) have no reviewer.
    expect(rows.filter((r) => r.reviewerIssue).map((r) => [r.employeeName, r.reviewerIssue])).toEqual([
      ['Andere manager', 'missing'],
      ['Test admin', 'missing'],
      ['Test hr', 'missing'],
      ['Test manager', 'missing'],
    ]);
    expect(rows.some((r) => r.teamChanged)).toBe(false);

    // The team member moves to the other team; the manager leaves (deactivated).
    await api.db.query(`UPDATE users SET team_id = $2 WHERE id = $1`, [
      s.world.teamMember.id,
      s.world.otherTeamId,
    ]);
    await api.db.query(`UPDATE users SET status = 'deactivated' WHERE id = $1`, [s.world.users.manager.id]);
    // HR takes over the department.
    await api.db.query(`INSERT INTO team_managers (organisation_id, team_id, user_id) VALUES ($1, $2, $3)`, [
      org,
      s.world.departmentId,
      s.world.users.hr.id,
    ]);
    let list = (await s.hr.get(`/api/appraisal-cycles/${cycleId}/appraisals`)).body as AppraisalCycleRow[];
    expect(byEmployee(list, s.world.users.employee.id)).toMatchObject({
      reviewerId: s.world.users.manager.id,
      reviewerIssue: 'inactive',
      teamChanged: false,
      suggestedReviewer: { id: s.world.users.hr.id, name: 'Test hr' },
    });
    expect(byEmployee(list, s.world.teamMember.id)).toMatchObject({
      reviewerIssue: 'inactive',
      teamChanged: true,
      teamId: s.world.teamId,
      currentTeamId: s.world.otherTeamId,
      suggestedReviewer: { id: otherManager.id, name: 'Andere manager' },
    });
    // Only flagged rows carry a suggestion.
    expect(byEmployee(list, s.world.outsider.id)).toMatchObject({
      reviewerIssue: null,
      suggestedReviewer: null,
    });
    // Progress still counts the mover in the team of opening.
    const progress = (await s.hr.get(`/api/appraisal-cycles/${cycleId}`)).body.progress as {
      teamId: string;
      count: number;
    }[];
    expect(progress.filter((p) => p.teamId === s.world.teamId).reduce((n, p) => n + p.count, 0)).toBe(2);

    // A reviewer demoted to employee can no longer review.
    await api.db.query(`UPDATE users SET role = 'employee' WHERE id = $1`, [otherManager.id]);
    list = (await s.hr.get(`/api/appraisal-cycles/${cycleId}/appraisals`)).body as AppraisalCycleRow[];
    expect(byEmployee(list, s.world.outsider.id).reviewerIssue).toBe('not_a_reviewer');

    // HR reassigns: the flag goes, the employee's list says the same.
    const moved = await s.hr.put(`/api/appraisals/${of(s.world.users.employee.id)}/reviewer`, {
      reviewerId: s.world.users.hr.id,
    });
    expect(moved.status).toBe(200);
    list = (await s.hr.get(`/api/appraisal-cycles/${cycleId}/appraisals`)).body as AppraisalCycleRow[];
    expect(byEmployee(list, s.world.users.employee.id)).toMatchObject({
      reviewerIssue: null,
      suggestedReviewer: null,
    });
    const mine = (await s.employee.get('/api/appraisals/mine')).body as AppraisalSummary[];
    expect(mine[0]).toMatchObject({ reviewerId: s.world.users.hr.id, reviewerIssue: null });
    // The list is HR's (and the admin's): an employee gets 403.
    const admin = await s.login(s.world.users.admin.email);
    expect((await admin.get(`/api/appraisal-cycles/${cycleId}/appraisals`)).status).toBe(200);
    const otherEmployee = await s.login(s.world.outsider.email);
    expect((await otherEmployee.get(`/api/appraisal-cycles/${cycleId}/appraisals`)).status).toBe(403);
  });

  it('groups calibration by the person who submitted the manager review, also after HR reassigns', async () => {
    const s = await setUp('Calibrate');
    const { cycleId, of } = await s.open('Jaargesprekken');
    const id = of(s.world.users.employee.id);
    const a = (await s.manager.get(`/api/appraisals/${id}`)).body as Appraisal;
    expect(
      (
        await s.manager.put(`/api/appraisals/${id}/manager-review`, {
          version: a.version,
          ratings: full(s.version.behaviours, 4),
          submit: true,
        })
      ).status,
    ).toBe(200);
    const [row] = await api.db.query(`SELECT manager_submitted_by FROM appraisals WHERE id = $1`, [id]);
    expect(row.manager_submitted_by).toBe(s.world.users.manager.id);
    // The manager leaves; HR hands the rest of the appraisal to the admin.
    expect(
      (await s.hr.put(`/api/appraisals/${id}/reviewer`, { reviewerId: s.world.users.admin.id })).status,
    ).toBe(200);
    await api.db.query(`UPDATE organisations SET anonymity_minimum = 3 WHERE id = $1`, [
      s.world.organisationId,
    ]);
    const calibration = (await s.hr.get(`/api/appraisal-cycles/${cycleId}/calibration`)).body;
    // One review stays hidden (below the minimum), but it is counted with the manager who wrote it.
    expect(calibration.reviewers).toEqual([
      { id: s.world.users.manager.id, name: 'Test manager', n: 1, suppressed: true, perValue: [] },
    ]);
    // A review the admin submits after the reassignment counts with the admin.
    const other = of(s.world.teamMember.id);
    await s.hr.put(`/api/appraisals/${other}/reviewer`, { reviewerId: s.world.users.admin.id });
    const admin = await s.login(s.world.users.admin.email);
    const b = (await admin.get(`/api/appraisals/${other}`)).body as Appraisal;
    await admin.put(`/api/appraisals/${other}/manager-review`, {
      version: b.version,
      ratings: full(s.version.behaviours, 1),
      submit: true,
    });
    const again = (await s.hr.get(`/api/appraisal-cycles/${cycleId}/calibration`)).body;
    expect(again.reviewers.map((g: { id: string; n: number }) => [g.id, g.n])).toEqual(
      expect.arrayContaining([
        [s.world.users.manager.id, 1],
        [s.world.users.admin.id, 1],
      ]),
    );
    expect(again.reviewers).toHaveLength(2);
    // Value names in the reader's language.
    expect(again.values.map((v: { name: string }) => v.name)).toEqual(['Betrouwbaar', 'Persoonlijk']);
    const en = (await s.hr.get(`/api/appraisal-cycles/${cycleId}/calibration?locale=en`)).body;
    expect(en.values.map((v: { name: string }) => v.name)).toEqual(['BETROUWBAAR', 'PERSOONLIJK']);
    expect((await s.hr.get(`/api/appraisal-cycles/${cycleId}/calibration?locale=fr`)).status).toBe(400);
  });

  it("names last cycle's agreements in the viewer's language, on the page and in the PDF", async () => {
    const s = await setUp('Previous');
    const last = await s.open('Gesprekken vorig jaar', LAST_YEAR);
    await sign(s, last.of(s.world.users.employee.id), [
      {
        valueId: s.version.values[0],
        what: 'Terugbellen binnen een dag',
        support: 'Coaching',
        dueDate: null,
      },
      { valueId: null, what: 'Cursus plannen', support: '', dueDate: null },
    ]);
    const now = await s.open('Gesprekken dit jaar');
    const id = now.of(s.world.users.employee.id);
    const nl = (await s.employee.get(`/api/appraisals/${id}`)).body as Appraisal;
    expect(nl.previousAgreements.map((g) => [g.cycleName, g.valueName, g.what])).toEqual([
      ['Gesprekken vorig jaar', 'Betrouwbaar', 'Terugbellen binnen een dag'],
      ['Gesprekken vorig jaar', null, 'Cursus plannen'],
    ]);
    const en = (await s.manager.get(`/api/appraisals/${id}?locale=en`)).body as Appraisal;
    expect(en.previousAgreements.map((g) => g.valueName)).toEqual(['BETROUWBAAR', null]);
    // Last year's appraisal has no "previous" of this year's: only earlier cycles count.
    const old = (await s.employee.get(`/api/appraisals/${last.of(s.world.users.employee.id)}`))
      .body as Appraisal;
    expect(old.previousAgreements).toEqual([]);

    await sign(s, id);
    const pdf = async (locale: 'nl' | 'en') => {
      const res = await fetch(`${api.url}/api/appraisals/${id}/pdf?locale=${locale}`, {
        headers: { cookie: (s.employee as unknown as { cookie: string }).cookie },
      });
      expect(res.status).toBe(200);
      return pdfText(Buffer.from(await res.arrayBuffer()));
    };
    const nlText = await pdf('nl');
    expect(nlText).toContain('Afspraken uit Gesprekken vorig jaar');
    expect(nlText).toContain('Betrouwbaar: Terugbellen binnen een dag (Ondersteuning: Coaching)');
    expect(nlText).toContain('Algemeen: Cursus plannen');
    const enText = await pdf('en');
    expect(enText).toContain('Agreements from Gesprekken vorig jaar');
    expect(enText).toContain('BETROUWBAAR: Terugbellen binnen een dag (Support: Coaching)');
    expect(enText).toContain('General: Cursus plannen');
    expect(enText).not.toContain('Betrouwbaar:');
  });

  it("records per previous agreement whether it was achieved: reviewer and HR write, the employee reads, frozen once signed", async () => {
    const s = await setUp('FollowUp');
    const last = await s.open('Vorig jaar', LAST_YEAR);
    await sign(s, last.of(s.world.users.employee.id), [
      { valueId: s.version.values[0], what: 'Terugbellen binnen een dag', support: '', dueDate: null },
      { valueId: null, what: 'Cursus plannen', support: '', dueDate: null },
    ]);
    const now = await s.open('Dit jaar');
    const id = now.of(s.world.users.employee.id);
    const before = (await s.employee.get(`/api/appraisals/${id}`)).body as Appraisal;
    expect(before.previousAgreements.map((g) => g.followUp)).toEqual([null, null]);
    const [first, second] = before.previousAgreements.map((g) => g.id);
    const url = (agreementId: string) => `/api/appraisals/${id}/previous-agreements/${agreementId}/follow-up`;

    // The reviewer records one; HR another (and corrects the reviewer's).
    const saved = await s.manager.put(url(first), { status: 'partly', note: '  Meestal gelukt  ' });
    expect(saved.status).toBe(200);
    expect((saved.body as Appraisal).previousAgreements[0].followUp).toEqual({
      status: 'partly',
      note: 'Meestal gelukt',
      updatedAt: expect.any(String),
    });
    expect((await s.hr.put(url(second), { status: 'no_longer_relevant' })).status).toBe(200);
    expect((await s.hr.put(url(first), { status: 'achieved', note: 'Gelukt' })).status).toBe(200);

    // The employee reads them, also on its own page; it cannot write.
    const mine = (await s.employee.get(`/api/appraisals/${id}`)).body as Appraisal;
    expect(mine.previousAgreements.map((g) => [g.what, g.followUp?.status, g.followUp?.note])).toEqual([
      ['Terugbellen binnen een dag', 'achieved', 'Gelukt'],
      ['Cursus plannen', 'no_longer_relevant', ''],
    ]);
    expect((await s.employee.put(url(first), { status: 'achieved' })).status).toBe(403);
    // Another manager (not the reviewer): the appraisal does not exist for them.
    const other = await createUser(api.db, s.world.organisationId, { role: 'manager' });
    const otherClient = await s.login(other.email);
    expect((await otherClient.put(url(first), { status: 'achieved' })).status).toBe(404);
    expect((await otherClient.get(`/api/appraisals/${id}`)).status).toBe(404);

    // Validation names the field; an agreement that is not a previous one of this appraisal is 404.
    const bad = await s.manager.put(url(first), { status: 'done' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['status']);
    const long = await s.manager.put(url(first), { status: 'partly', note: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.body.errors.map((e: { field: string }) => e.field)).toEqual(['note']);
    expect((await s.manager.put(url('00000000-0000-4000-8000-000000000000'), { status: 'partly' })).status).toBe(
      404,
    );
    expect((await s.manager.put(url('not-a-uuid'), { status: 'partly' })).status).toBe(404);
    // Someone else's appraisal this year: the employee's agreement is not one of its previous ones.
    const colleague = now.of(s.world.teamMember.id);
    expect(
      (
        await s.manager.put(`/api/appraisals/${colleague}/previous-agreements/${first}/follow-up`, {
          status: 'partly',
        })
      ).status,
    ).toBe(404);
    // Last year's appraisal itself cannot take a follow-up.
    const lastId = last.of(s.world.users.employee.id);
    const onLast = await s.manager.put(
      `/api/appraisals/${lastId}/previous-agreements/${first}/follow-up`,
      { status: 'partly' },
    );
    // Signed, so frozen before anything else is looked at.
    expect(onLast.status).toBe(409);

    // Signed by both: frozen, and the PDF shows the follow-up.
    await sign(s, id);
    const frozen = await s.manager.put(url(first), { status: 'not_achieved' });
    expect(frozen.status).toBe(409);
    const res = await fetch(`${api.url}/api/appraisals/${id}/pdf?locale=nl`, {
      headers: { cookie: (s.employee as unknown as { cookie: string }).cookie },
    });
    const text = await pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Behaald: Gelukt');
    expect(text).toContain('Niet meer van toepassing');
    const [count] = await api.db.query(
      `SELECT count(*)::int AS n FROM appraisal_agreement_follow_ups WHERE appraisal_id = $1`,
      [id],
    );
    expect(count.n).toBe(2);
  });
});
