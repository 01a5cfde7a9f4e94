import type { INestApplicationContext } from '@nestjs/common';
import type { ImportJob } from '@wk/contracts';
import { createUser, createWorld, TEST_PASSWORD, World } from '../support/factories';
import { eventually, RunningApi, startApi, startWorker } from '../support/harness';
import { HttpClient, HttpResponse } from '../support/http-client';

/** What Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)": Windows-1252 bytes. */
const windows1252 = (text: string) => Buffer.from(text, 'latin1');
const fieldsOf = (res: HttpResponse) => ((res.body?.errors ?? []) as { field: string }[]).map((e) => e.field);
/** Each preview row as [line, action, columns with errors], which is what a person fixing the file needs. */
const rowsOf = (preview: { rows: { line: number; action: string; errors: { column: string }[] }[] }) =>
  preview.rows.map((r) => [r.line, r.action, r.errors.map((e) => e.column)]);

/** Starts an import (202 with a queued job) and polls the job until the worker has finished it. */
async function importFile(
  client: HttpClient,
  path: string,
  csv: string | Buffer,
  filename?: string,
): Promise<ImportJob> {
  const started = await client.upload<ImportJob>(path, csv, filename);
  expect(started.status).toBe(202);
  expect(started.body).toMatchObject({ status: 'queued', progress: { done: 0 }, result: null, error: null });
  return eventually(async () => {
    const res = await client.get<ImportJob>(`/api/import/jobs/${started.body.id}`);
    expect(res.status).toBe(200);
    return ['done', 'failed'].includes(res.body.status) && res.body;
  }, 60_000);
}

describe('CSV import of teams and employees', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
    worker = await startWorker({ SMTP_URL: undefined });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function setUp(name: string): Promise<{ world: World; admin: HttpClient; hr: HttpClient }> {
    const world = await createWorld(api.db, name);
    const admin = await new HttpClient(api.url).login(world.users.admin.email, TEST_PASSWORD);
    const hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
    return { world, admin, hr };
  }

  /** Every row the organisation owns, in full, so "nothing written" and "nothing changed" can be proven. */
  async function snapshot(organisationId: string): Promise<Record<string, unknown[]>> {
    const state: Record<string, unknown[]> = {};
    for (const table of ['users', 'teams', 'team_managers', 'user_tokens', 'outbox_messages']) {
      state[table] = await api.db.query(
        `SELECT * FROM ${table} t WHERE organisation_id = $1 ORDER BY t::text`,
        [organisationId],
      );
    }
    return state;
  }

  const userByEmail = async (organisationId: string, email: string) =>
    (
      await api.db.query(
        `SELECT id, email, name, employee_number, role, status, team_id FROM users WHERE organisation_id = $1 AND email = $2`,
        [organisationId, email],
      )
    )[0];
  const teamIdByName = async (organisationId: string, name: string): Promise<string> =>
    (
      await api.db.query(`SELECT id FROM teams WHERE organisation_id = $1 AND name = $2`, [
        organisationId,
        name,
      ])
    )[0]?.id;

  it('reads the semicolon, Windows-1252 CSV that Dutch Excel writes: teams first, then employees', async () => {
    const { world, hr } = await setUp('Excel');
    const teamsCsv = windows1252(
      'Naam;Bovenliggend team\r\nZorg;\r\nWijkteam Noord;Zorg\r\nCli\xebntenservice;\r\n',
    );
    const teamsPreview = await hr.upload('/api/import/teams/preview', teamsCsv, 'teams.csv');
    expect(teamsPreview.status).toBe(200);
    expect(teamsPreview.body).toMatchObject({
      kind: 'teams',
      delimiter: ';',
      encoding: 'windows-1252',
      columns: ['name', 'parent'],
    });
    expect(teamsPreview.body.rows.map((r: { key: string }) => r.key)).toEqual([
      'Zorg',
      'Wijkteam Noord',
      'Cliëntenservice',
    ]);
    const teams = await importFile(hr, '/api/import/teams', teamsCsv, 'teams.csv');
    expect(teams).toMatchObject({
      status: 'done',
      progress: { done: 3, total: 3 },
      result: { summary: { create: 3, update: 0, unchanged: 0, error: 0 } },
    });
    const zorg = await teamIdByName(world.organisationId, 'Zorg');
    const [noord] = await api.db.query(
      `SELECT parent_id FROM teams WHERE organisation_id = $1 AND name = 'Wijkteam Noord'`,
      [world.organisationId],
    );
    expect(noord.parent_id).toBe(zorg);
    expect(await teamIdByName(world.organisationId, 'Cliëntenservice')).toBeDefined();

    const employeesCsv = windows1252(
      'E-mail;Naam;Personeelsnummer;Team;Rol\r\n' +
        'renee@example.test;Ren\xe9e de Vries;1001;Wijkteam Noord;leidinggevende\r\n' +
        'joost@example.test;Joost M\xfcller;1002;CLI\xcbNTENSERVICE;medewerker\r\n',
    );
    const preview = await hr.upload('/api/import/employees/preview', employeesCsv, 'medewerkers.csv');
    expect(preview.body).toMatchObject({
      kind: 'employees',
      delimiter: ';',
      encoding: 'windows-1252',
      columns: ['email', 'name', 'employee_number', 'team', 'role'],
      summary: { create: 2, update: 0, unchanged: 0, error: 0 },
    });
    const result = await importFile(hr, '/api/import/employees', employeesCsv, 'medewerkers.csv');
    expect(result.status).toBe('done');
    expect(result.result?.summary).toEqual({ create: 2, update: 0, unchanged: 0, error: 0 });

    expect(await userByEmail(world.organisationId, 'renee@example.test')).toMatchObject({
      name: 'Renée de Vries',
      employee_number: '1001',
      role: 'manager',
      status: 'invited',
      team_id: await teamIdByName(world.organisationId, 'Wijkteam Noord'),
    });
    expect(await userByEmail(world.organisationId, 'joost@example.test')).toMatchObject({
      name: 'Joost Müller',
      role: 'employee',
      team_id: await teamIdByName(world.organisationId, 'Cliëntenservice'),
    });
    // The api hands the decoded names back unchanged.
    const listed = await hr.get('/api/people?q=Ren%C3%A9e');
    expect(listed.body.items.map((p: { name: string }) => p.name)).toEqual(['Renée de Vries']);
  });

  it('reads UTF-8 with a BOM and commas, with quoted commas inside a cell', async () => {
    const { world, hr } = await setUp('Utf');
    const csv = Buffer.from(
      '\uFEFFemail,name,employee_number,team\n"zoe@example.test","Jansen, Zoë",2001,Utf team\n\nchloe@example.test,Chloë Đurić,2002,\n',
      'utf-8',
    );
    const preview = await hr.upload('/api/import/employees/preview', csv);
    expect(preview.body).toMatchObject({
      delimiter: ',',
      encoding: 'utf-8',
      columns: ['email', 'name', 'employee_number', 'team'],
    });
    expect(rowsOf(preview.body)).toEqual([
      [2, 'create', []],
      [4, 'create', []],
    ]);
    expect((await importFile(hr, '/api/import/employees', csv)).status).toBe('done');
    expect(await userByEmail(world.organisationId, 'zoe@example.test')).toMatchObject({
      name: 'Jansen, Zoë',
      employee_number: '2001',
      team_id: world.teamId,
    });
    expect(await userByEmail(world.organisationId, 'chloe@example.test')).toMatchObject({
      name: 'Chloë Đurić',
      team_id: null,
    });
  });

  it('previews per-row errors and writes nothing', async () => {
    const { world, hr } = await setUp('Voorbeeld');
    const csv =
      'email;naam;personeelsnummer;team;rol\n' +
      'goed@example.test;Goed;3001;Voorbeeld team;medewerker\n' + // 2: fine
      'kort@example.test;Kort\n' + // 3: short row
      'geen-email;Slecht;3003;;\n' + // 4: bad e-mail
      'GOED@example.test;Dubbel;3004;;\n' + // 5: duplicate e-mail within the file
      'onbekend@example.test;Onbekend;3005;Bestaat niet;\n' + // 6: unknown team
      'koning@example.test;Koning;3006;;koning\n'; // 7: unknown role
    const before = await snapshot(world.organisationId);
    const preview = await hr.upload('/api/import/employees/preview', csv);
    expect(preview.status).toBe(200);
    expect(rowsOf(preview.body)).toEqual([
      [2, 'create', []],
      [3, 'error', ['*']],
      [4, 'error', ['email']],
      [5, 'error', ['email']],
      [6, 'error', ['team']],
      [7, 'error', ['role']],
    ]);
    const messages = preview.body.rows.flatMap((r: { errors: { message: string }[] }) =>
      r.errors.map((e) => e.message),
    );
    expect(messages).toEqual([
      'row has 2 of 5 columns',
      '"geen-email" is not a valid e-mail address',
      'duplicate of line 2',
      'unknown team "Bestaat niet"',
      expect.stringContaining('unknown role "koning"'),
    ]);
    expect(preview.body.summary).toEqual({ create: 1, update: 0, unchanged: 0, error: 5 });
    expect(await snapshot(world.organisationId)).toEqual(before);
  });

  it('refuses a file without a required column (400 naming file)', async () => {
    const { world, hr } = await setUp('Kolom');
    const before = await snapshot(world.organisationId);
    for (const [path, csv, missing] of [
      ['/api/import/employees/preview', 'naam;team\nAnne;Kolom team\n', 'email'],
      ['/api/import/employees', 'email;team\nanne@example.test;Kolom team\n', 'name'],
      ['/api/import/teams', 'bovenliggend team\nKolom afdeling\n', 'name'],
    ]) {
      const res = await hr.upload(path, csv);
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(['file']);
      expect(res.body.message).toContain(`missing column(s): ${missing}`);
    }
    expect(await snapshot(world.organisationId)).toEqual(before);
  });

  it('imports all or nothing: one bad row refuses the file (400 import_has_errors, with the preview)', async () => {
    const { world, hr } = await setUp('Alles');
    const csv =
      'email;naam;personeelsnummer\neen@example.test;Een;1\ntwee@example.test;Twee;2\nfout;Drie;3\nvier@example.test;Vier;4\n';
    const before = await snapshot(world.organisationId);
    const res = await hr.upload('/api/import/employees?invite=true', csv);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('import_has_errors');
    expect(res.body.preview).toMatchObject({ kind: 'employees', summary: { create: 3, error: 1 } });
    expect(rowsOf(res.body.preview)[2]).toEqual([4, 'error', ['email']]);
    expect(fieldsOf(res)).toEqual(['line 4.email']);
    expect(await snapshot(world.organisationId)).toEqual(before);
  });

  it('creates, then upserts by employee number, then leaves a re-imported file unchanged', async () => {
    const { world, hr } = await setUp('Upsert');
    const first =
      'email;naam;personeelsnummer;team\nan@example.test;An;4001;Upsert team\nbo@example.test;Bo;4002;\ncor@example.test;Cor;4003;Upsert ander team\n';
    const created = await importFile(hr, '/api/import/employees', first);
    expect(created.status).toBe('done');
    expect(created.result?.summary).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    const an = await userByEmail(world.organisationId, 'an@example.test');
    expect(an).toMatchObject({
      name: 'An',
      employee_number: '4001',
      team_id: world.teamId,
      role: 'employee',
      status: 'invited',
    });
    const count = async () =>
      (
        await api.db.query(`SELECT count(*)::int AS n FROM users WHERE organisation_id = $1`, [
          world.organisationId,
        ])
      )[0].n;
    expect(await count()).toBe(9);

    // An changes e-mail address: matched on the number, the same person is updated.
    const second =
      'email;naam;personeelsnummer;team\nan.nieuw@example.test;An;4001;Upsert team\nbo@example.test;Bo;4002;\ncor@example.test;Cor;4003;Upsert ander team\n';
    const preview = await hr.upload('/api/import/employees/preview', second);
    expect(rowsOf(preview.body)).toEqual([
      [2, 'update', []],
      [3, 'unchanged', []],
      [4, 'unchanged', []],
    ]);
    const updated = await importFile(hr, '/api/import/employees', second);
    expect(updated.result?.summary).toEqual({ create: 0, update: 1, unchanged: 2, error: 0 });
    expect(await userByEmail(world.organisationId, 'an.nieuw@example.test')).toMatchObject({
      id: an.id,
      employee_number: '4001',
    });
    expect(await userByEmail(world.organisationId, 'an@example.test')).toBeUndefined();
    expect(await count()).toBe(9);

    // The same file again: every row unchanged, and not one column of one row touched.
    const before = await snapshot(world.organisationId);
    const again = await importFile(hr, '/api/import/employees', second);
    expect(again.status).toBe('done');
    expect(again.result?.summary).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });
    expect(await snapshot(world.organisationId)).toEqual(before);
  });

  it('matches people without a number on e-mail (case-insensitively), keeps what an empty cell does not say', async () => {
    const { world, hr } = await setUp('Email');
    await api.db.query(`UPDATE users SET employee_number = 'M-1' WHERE id = $1`, [world.teamMember.id]);
    const csv = `email;naam;personeelsnummer\n${world.teamMember.email.toUpperCase()};Team Lid;\n`;
    const res = await importFile(hr, '/api/import/employees', csv);
    expect(res.result?.summary).toEqual({ create: 0, update: 1, unchanged: 0, error: 0 });
    const [row] = await api.db.query(
      `SELECT email, name, employee_number, team_id FROM users WHERE id = $1`,
      [world.teamMember.id],
    );
    // No team column: the team stays; an empty number cell keeps the number; the e-mail takes the file's spelling.
    expect(row).toEqual({
      email: world.teamMember.email.toUpperCase(),
      name: 'Team Lid',
      employee_number: 'M-1',
      team_id: world.teamId,
    });
  });

  it('builds a team tree from parents on earlier lines, and refuses unknown parents and loops', async () => {
    const { world, hr } = await setUp('Boom');
    const csv = 'team,parent\nRegio,\nRegio Noord,Regio\nWijk 1,Regio Noord\nWijk 2,regio noord\n';
    const res = await importFile(hr, '/api/import/teams', csv);
    expect(res.status).toBe('done');
    expect(res.result?.summary).toEqual({ create: 4, update: 0, unchanged: 0, error: 0 });
    const tree = await api.db.query(
      `SELECT t.name, p.name AS parent FROM teams t LEFT JOIN teams p ON p.id = t.parent_id WHERE t.organisation_id = $1 AND t.name IN ('Regio', 'Regio Noord', 'Wijk 1', 'Wijk 2') ORDER BY t.name`,
      [world.organisationId],
    );
    expect(tree).toEqual([
      { name: 'Regio', parent: null },
      { name: 'Regio Noord', parent: 'Regio' },
      { name: 'Wijk 1', parent: 'Regio Noord' },
      { name: 'Wijk 2', parent: 'Regio Noord' },
    ]);
    expect((await importFile(hr, '/api/import/teams', csv)).result?.summary).toEqual({
      create: 0,
      update: 0,
      unchanged: 4,
      error: 0,
    });

    const before = await snapshot(world.organisationId);
    const laterParent = await hr.upload(
      '/api/import/teams/preview',
      'team;parent\nWijk 3;Regio Zuid\nRegio Zuid;Regio\n',
    );
    expect(rowsOf(laterParent.body)).toEqual([
      [2, 'error', ['parent']],
      [3, 'create', []],
    ]);
    const ownParent = await hr.upload('/api/import/teams/preview', 'team;parent\nWijk 4;wijk 4\n');
    expect(rowsOf(ownParent.body)).toEqual([[2, 'error', ['parent']]]);
    // Moving an existing team below its own descendant...
    const belowDescendant = await hr.upload('/api/import/teams', 'team;parent\nRegio;Wijk 1\n');
    expect(belowDescendant.status).toBe(400);
    expect(rowsOf(belowDescendant.body.preview)).toEqual([[2, 'error', ['parent']]]);
    // ...or below a team the same file creates under it would make a loop that no root reaches.
    const loopViaNewTeam = await hr.upload('/api/import/teams', 'team;parent\nNieuw;Regio\nRegio;Nieuw\n');
    expect(loopViaNewTeam.status).toBe(400);
    expect(rowsOf(loopViaNewTeam.body.preview)).toEqual([
      [2, 'create', []],
      [3, 'error', ['parent']],
    ]);
    expect(await snapshot(world.organisationId)).toEqual(before);

    // A file may first move a team out and then hang its former ancestor below it: no loop.
    const reorder = await importFile(hr, '/api/import/teams', 'team;parent\nWijk 1;\nRegio;Wijk 1\n');
    expect(reorder.status).toBe('done');
    expect(reorder.result?.summary).toMatchObject({ update: 2, error: 0 });
  });

  it.each([
    ['an unterminated quote', 'email,name\n"anne@example.test,Anne\n', /not a readable CSV/],
    ['an empty file', '', /empty/],
    ['a header without rows', 'email;naam\r\n', /header row and at least one data row/],
    ['a column twice', 'email;naam;e-mail\na@example.test;A;b@example.test\n', /appears twice/],
  ])('refuses %s with 400 naming file, in preview and import', async (_label, csv, message) => {
    const { world, hr } = await setUp('Kapot');
    const before = await snapshot(world.organisationId);
    for (const path of ['/api/import/employees/preview', '/api/import/employees']) {
      const res = await hr.upload(path, csv);
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(['file']);
      expect(res.body.message).toMatch(message);
    }
    expect(await snapshot(world.organisationId)).toEqual(before);
  });

  it('refuses a request without a file (400 naming file)', async () => {
    const { world, hr } = await setUp('Geen bestand');
    const before = await snapshot(world.organisationId);
    const withoutFile = new FormData();
    withoutFile.append('note', 'no file here');
    for (const send of [
      () => hr.request('POST', '/api/import/teams', withoutFile),
      () => hr.request('POST', '/api/import/employees/preview'),
      () => hr.post('/api/import/employees', { file: 'email,name\na@example.test,A\n' }),
    ]) {
      const res = await send();
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(['file']);
    }
    expect(await snapshot(world.organisationId)).toEqual(before);
  });

  it('refuses import to employees and managers (403), writing nothing', async () => {
    const { world } = await setUp('Geen rechten');
    const clients = [
      await new HttpClient(api.url).login(world.users.employee.email, TEST_PASSWORD),
      await new HttpClient(api.url).login(world.users.manager.email, TEST_PASSWORD),
    ];
    const before = await snapshot(world.organisationId);
    for (const client of clients) {
      for (const path of ['/api/import/employees', '/api/import/employees/preview', '/api/import/teams']) {
        const res = await client.upload(
          path,
          'email;naam;team\nstiekem@example.test;Stiekem;Geen rechten team\n',
        );
        expect(res.status).toBe(403);
      }
    }
    expect(await api.db.query(`SELECT id FROM users WHERE email = 'stiekem@example.test'`)).toEqual([]);
    expect(await snapshot(world.organisationId)).toEqual(before);
  });

  it('leaves the admin role to admins: HR cannot import it, an admin can', async () => {
    const { world, hr, admin } = await setUp('Rollen');
    const csv = 'email;naam;rol\nbaas@example.test;Baas;beheerder\n';
    const byHr = await hr.upload('/api/import/employees', csv);
    expect(byHr.status).toBe(400);
    expect(rowsOf(byHr.body.preview)).toEqual([[2, 'error', ['role']]]);
    // Nor take it away from an existing admin.
    const demote = await hr.upload(
      '/api/import/employees/preview',
      `email;naam;rol\n${world.users.admin.email};Beheerder;medewerker\n`,
    );
    expect(rowsOf(demote.body)).toEqual([[2, 'error', ['role']]]);

    const byAdmin = await importFile(admin, '/api/import/employees', csv);
    expect(byAdmin.status).toBe('done');
    expect(await userByEmail(world.organisationId, 'baas@example.test')).toMatchObject({ role: 'admin' });
  });

  it('takes over no account: an e-mail of someone with more rights is a row error, an active account confirms its new address', async () => {
    const { world, hr } = await setUp('Overname');
    await api.db.query(`UPDATE users SET employee_number = 'A-1' WHERE id = $1`, [world.users.admin.id]);
    await api.db.query(`UPDATE users SET employee_number = 'E-1' WHERE id = $1`, [world.teamMember.id]);
    const takeover = await hr.upload(
      '/api/import/employees/preview',
      'email;naam;personeelsnummer;rol\naanvaller@example.test;Test admin;A-1;beheerder\n',
    );
    expect(rowsOf(takeover.body)).toEqual([[2, 'error', ['email']]]);

    const moved = await importFile(
      hr,
      '/api/import/employees',
      `email;naam;personeelsnummer\nlid.nieuw@example.test;Team Member;E-1\n`,
    );
    expect(moved.result?.summary).toMatchObject({ update: 1 });
    // The account keeps its address until the new one confirms, as on the person's page.
    const [member] = await api.db.query(`SELECT email FROM users WHERE id = $1`, [world.teamMember.id]);
    expect(member.email).toBe(world.teamMember.email);
    const mails = await api.db.query(
      `SELECT kind, to_address FROM outbox_messages WHERE organisation_id = $1 AND kind LIKE 'email_change%' ORDER BY kind`,
      [world.organisationId],
    );
    expect(mails).toEqual([
      { kind: 'email_change', to_address: 'lid.nieuw@example.test' },
      { kind: 'email_change_notice', to_address: world.teamMember.email },
    ]);
    const person = await hr.get(`/api/people/${world.teamMember.id}`);
    expect(person.body.pendingEmail).toBe('lid.nieuw@example.test');
  });

  it('keeps organisations apart: the same e-mail and number elsewhere neither match nor change', async () => {
    const { world, hr } = await setUp('Eigen');
    const foreign = await createWorld(api.db, 'Vreemd');
    await api.db.query(`UPDATE users SET employee_number = 'X-1' WHERE id = $1`, [foreign.teamMember.id]);
    const foreignBefore = await snapshot(foreign.organisationId);
    const res = await hr.upload(
      '/api/import/employees',
      `email;naam;personeelsnummer;team\n${foreign.teamMember.email};Dubbelganger;X-1;Vreemd team\n`,
    );
    // The foreign team is unknown here: refused; without the team it creates a new person.
    expect(res.status).toBe(400);
    expect(rowsOf(res.body.preview)).toEqual([[2, 'error', ['team']]]);
    const ok = await importFile(
      hr,
      '/api/import/employees',
      `email;naam;personeelsnummer\n${foreign.teamMember.email};Dubbelganger;X-1\n`,
    );
    expect(ok.result?.summary).toEqual({ create: 1, update: 0, unchanged: 0, error: 0 });
    expect(await userByEmail(world.organisationId, foreign.teamMember.email)).toMatchObject({
      name: 'Dubbelganger',
      employee_number: 'X-1',
    });
    expect(await snapshot(foreign.organisationId)).toEqual(foreignBefore);
  });

  it('with ?invite=true queues an invitation for new people only, held while SMTP is not configured', async () => {
    const { world, hr } = await setUp('Uitnodigen');
    const existing = await createUser(api.db, world.organisationId, {
      email: 'bestaand@example.test',
      status: 'invited',
      name: 'Bestaand',
    });
    const csv =
      'email;naam\nbestaand@example.test;Bestaand Hernoemd\nnieuw1@example.test;Nieuw Een\nnieuw2@example.test;Nieuw Twee\n';
    const res = await importFile(hr, '/api/import/employees?invite=true', csv);
    expect(res.status).toBe('done');
    expect(res.result?.summary).toEqual({ create: 2, update: 1, unchanged: 0, error: 0 });

    const outbox = await api.db.query(
      `SELECT to_address, kind, status, subject FROM outbox_messages WHERE organisation_id = $1 ORDER BY to_address`,
      [world.organisationId],
    );
    expect(outbox).toEqual([
      {
        to_address: 'nieuw1@example.test',
        kind: 'invite',
        status: 'held',
        subject: 'Uitnodiging voor Waardenkompas van Uitnodigen',
      },
      {
        to_address: 'nieuw2@example.test',
        kind: 'invite',
        status: 'held',
        subject: 'Uitnodiging voor Waardenkompas van Uitnodigen',
      },
    ]);
    const tokens = await api.db.query(
      `SELECT user_id FROM user_tokens WHERE organisation_id = $1 AND purpose = 'invite'`,
      [world.organisationId],
    );
    expect(tokens.map((t: { user_id: string }) => t.user_id)).not.toContain(existing.id);
    expect(tokens).toHaveLength(2);

    // Without the flag, new people get no mail.
    const quiet = await importFile(hr, '/api/import/employees', 'email;naam\nstil@example.test;Stil\n');
    expect(quiet.result?.summary.create).toBe(1);
    expect(
      (
        await api.db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE organisation_id = $1`, [
          world.organisationId,
        ])
      )[0].n,
    ).toBe(2);
    // A flag that is not a boolean is refused before anything happens.
    const before = await snapshot(world.organisationId);
    expect(
      (
        await hr.upload(
          '/api/import/employees?invite=maybe',
          'email;naam\nmisschien@example.test;Misschien\n',
        )
      ).status,
    ).toBe(400);
    expect(await snapshot(world.organisationId)).toEqual(before);
  });

  it('reports a NUL byte in a cell as a row error naming line and column, and refuses to import it', async () => {
    const { world, hr } = await setUp('Nul');
    const before = await snapshot(world.organisationId);
    for (const [kind, csv, column] of [
      ['employees', 'email;naam\ngoed@example.test;Goed\nnul@example.test;Nu\0l\n', 'name'],
      [
        'employees',
        'email;naam;personeelsnummer\ngoed@example.test;Goed;1\nnul@example.test;Nul;2\0\n',
        'employee_number',
      ],
      ['teams', 'naam\nGoed\nSle\0cht\n', 'name'],
    ]) {
      const preview = await hr.upload(`/api/import/${kind}/preview`, Buffer.from(csv, 'utf-8'));
      expect(preview.status).toBe(200);
      expect(rowsOf(preview.body)[1]).toEqual([3, 'error', [column]]);
      expect(preview.body.rows[1].errors[0].message).toMatch(/NUL byte/);
      const res = await hr.upload(`/api/import/${kind}`, Buffer.from(csv, 'utf-8'));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('import_has_errors');
      expect(fieldsOf(res)).toEqual([`line 3.${column}`]);
    }
    expect(await snapshot(world.organisationId)).toEqual(before);
  });

  it('reads what Excel saves as "Unicode text": UTF-16LE with a BOM, tab-separated', async () => {
    const { world, hr } = await setUp('Unicode');
    const text =
      'E-mail\tNaam\tPersoneelsnummer\tTeam\r\nzoe.utf16@example.test\tZoë Đurić\t5001\tUnicode team\r\nbo.utf16@example.test\tBo, de Wit\t\t\r\n';
    const file = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const preview = await hr.upload('/api/import/employees/preview', file, 'medewerkers.txt');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      encoding: 'utf-16le',
      delimiter: '\t',
      columns: ['email', 'name', 'employee_number', 'team'],
    });
    expect(rowsOf(preview.body)).toEqual([
      [2, 'create', []],
      [3, 'create', []],
    ]);
    expect((await importFile(hr, '/api/import/employees', file, 'medewerkers.txt')).status).toBe('done');
    expect(await userByEmail(world.organisationId, 'zoe.utf16@example.test')).toMatchObject({
      name: 'Zoë Đurić',
      employee_number: '5001',
      team_id: world.teamId,
    });
    expect(await userByEmail(world.organisationId, 'bo.utf16@example.test')).toMatchObject({
      name: 'Bo, de Wit',
      team_id: null,
    });
  });
});

describe('CSV upload problems are reported on the file field', () => {
  let api: RunningApi;
  let hr: HttpClient;

  beforeAll(async () => {
    api = await startApi({ SMTP_URL: undefined });
    const world = await createWorld(api.db, 'Upload');
    hr = await new HttpClient(api.url).login(world.users.hr.email, TEST_PASSWORD);
  });
  afterAll(() => api.close());

  it('names "file" for a file under another field name and for two files', async () => {
    const wrongField = new FormData();
    wrongField.append('upload', new Blob(['email,name\na@x.nl,A\n']), 'x.csv');
    const two = new FormData();
    two.append('file', new Blob(['email,name\na@x.nl,A\n']), 'a.csv');
    two.append('file', new Blob(['email,name\nb@x.nl,B\n']), 'b.csv');
    for (const form of [wrongField, two]) {
      const res = await hr.request('POST', '/api/import/employees/preview', form);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    }
  });

  it('refuses a file over 5 MB with 413 naming "file"', async () => {
    const res = await hr.upload(
      '/api/import/employees/preview',
      'email,name\n' + 'a@x.nl,A\n'.repeat(600_000),
    );
    expect(res.status).toBe(413);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
  });

  it('names "invite" when it is not a boolean', async () => {
    const res = await hr.upload('/api/import/employees?invite=maybe', 'email,name\na@x.nl,A\n');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'invite', message: 'must be true or false' }]);
    expect(res.body.error).toBe('Bad Request');
  });
});
