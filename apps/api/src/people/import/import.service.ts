import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ImportAction, ImportKind, ImportPreview, ImportResult, ImportRowResult } from '@wk/contracts';
import type { AuthContext } from '../../auth/authenticated.decorator';
import { AccountLinksService } from '../../auth/account-links.service';
import { MailService } from '../../notifications/mail.service';
import { CsvTable, readCsv } from '../../common/csv-reader';
import { applyEmployees, EMPLOYEE_COLUMNS, planEmployees } from './employee-import';
import { applyTeams, planTeams, TEAM_COLUMNS } from './team-import';

/** Advisory lock key per organisation: two imports of one organisation never interleave. */
const IMPORT_LOCK = 727_274_100;

@Injectable()
export class ImportService {
  constructor(
    private readonly db: DataSource,
    private readonly links: AccountLinksService,
    private readonly mail: MailService,
  ) {}

  async preview(auth: AuthContext, kind: ImportKind, file: Buffer): Promise<ImportPreview> {
    const table = readCsv(file, kind === 'employees' ? EMPLOYEE_COLUMNS : TEAM_COLUMNS);
    return this.plan(this.db.manager, auth, kind, table).then((p) => p.preview);
  }

  /** Applies the whole file in one transaction, or nothing when any row has an error. */
  async apply(auth: AuthContext, kind: ImportKind, file: Buffer, invite: boolean): Promise<ImportResult> {
    const table = readCsv(file, kind === 'employees' ? EMPLOYEE_COLUMNS : TEAM_COLUMNS);
    const { preview, outboxIds } = await this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        IMPORT_LOCK,
        auth.organisationId,
      ]);
      const { preview, apply } = await this.plan(manager, auth, kind, table);
      if (preview.summary.error > 0) {
        throw new BadRequestException({
          code: 'import_has_errors',
          message: `${preview.summary.error} row(s) have errors; nothing was imported`,
          errors: firstErrors(preview.rows),
          preview,
        });
      }
      const created = await apply();
      const outboxIds: string[] = [];
      if (invite) for (const user of created) outboxIds.push(await this.links.send('invite', user, manager));
      return { preview, outboxIds };
    });
    await this.mail.dispatch(outboxIds);
    return { ...preview, applied: true };
  }

  private async plan(manager: EntityManager, auth: AuthContext, kind: ImportKind, table: CsvTable) {
    if (kind === 'teams') {
      const plan = await planTeams(manager, auth.organisationId, table);
      return {
        preview: summarise(
          kind,
          table,
          plan.map((p) => p.result),
        ),
        apply: async () => (await applyTeams(manager, auth.organisationId, plan), []),
      };
    }
    const plan = await planEmployees(manager, auth.organisationId, table, auth.role === 'admin');
    return {
      preview: summarise(
        kind,
        table,
        plan.map((p) => p.result),
      ),
      apply: () => applyEmployees(manager, auth.organisationId, plan),
    };
  }
}

function summarise(kind: ImportKind, table: CsvTable, rows: ImportRowResult[]): ImportPreview {
  const summary: Record<ImportAction, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of rows) summary[row.action] += 1;
  return {
    kind,
    delimiter: table.delimiter,
    encoding: table.encoding,
    columns: table.columns,
    rows,
    summary,
  };
}

function firstErrors(rows: ImportRowResult[]) {
  return rows
    .filter((r) => r.errors.length)
    .slice(0, 20)
    .flatMap((r) => r.errors.map((e) => ({ field: `line ${r.line}.${e.column}`, message: e.message })));
}
