import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppraisalConversationsRepository } from '../appraisals/appraisal-conversations.repository';
import { AppraisalCyclesRepository } from '../appraisals/appraisal-cycles.repository';
import { AppraisalsRepository } from '../appraisals/appraisals.repository';
import { AppConfig } from '../config/config';
import { PasswordService } from '../auth/password.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { TeamEntity, TeamManagerEntity } from '../people/team.entity';
import { UserEntity } from '../people/user.entity';
import { KpiRollupsService } from '../insights/kpi-rollups.service';
import { VIDOMES_TEMPLATE } from '../values/templates';
import { seedCustomers } from './demo-customers';
import { ValuesService } from '../values/values.service';
import { seedHistory } from './demo-history-seed';
import { seedAppraisals } from './demo-appraisals';
import {
  DEMO_ACCOUNTS,
  DEMO_DEPARTMENTS,
  DEMO_ORGANISATION,
  DEMO_PASSWORD,
  demoEmployees,
} from './demo-data';

const SEED_LOCK = 727_274_002;

/** Loads the demo organisation once, on first start, unless DEMO=0. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly config: AppConfig,
    private readonly values: ValuesService,
    private readonly rollups: KpiRollupsService,
    private readonly appraisalCycles: AppraisalCyclesRepository,
    private readonly appraisals: AppraisalsRepository,
    private readonly conversations: AppraisalConversationsRepository,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    if (!this.config.demoEnabled) return false;
    const hash = await this.passwords.hash(DEMO_PASSWORD);
    const started = Date.now();
    const organisationId = await this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      if (await manager.existsBy(OrganisationEntity, { slug: DEMO_ORGANISATION.slug })) return null;
      return this.seed(manager, hash);
    });
    if (!organisationId) return false;
    // The dashboards read the rollups: built once from the history just committed.
    await this.rollups.rebuild(organisationId);
    this.logger.log(`Loaded the demo organisation "${DEMO_ORGANISATION.name}" (${Date.now() - started} ms)`);
    return true;
  }

  private async seed(manager: EntityManager, hash: string): Promise<string> {
    const org = await manager.save(
      OrganisationEntity,
      manager.create(OrganisationEntity, { ...DEMO_ORGANISATION, isDemo: true }),
    );
    const teamIds = new Map<string, string>();
    for (const department of DEMO_DEPARTMENTS) {
      const parent = await manager.save(
        TeamEntity,
        manager.create(TeamEntity, { organisationId: org.id, name: department.name }),
      );
      teamIds.set(department.name, parent.id);
      for (const name of department.teams) {
        const team = await manager.save(
          TeamEntity,
          manager.create(TeamEntity, { organisationId: org.id, name, parentId: parent.id }),
        );
        teamIds.set(name, team.id);
      }
    }
    let hrUserId = '';
    for (const account of DEMO_ACCOUNTS) {
      const user = await manager.save(
        UserEntity,
        manager.create(UserEntity, {
          organisationId: org.id,
          email: account.email,
          name: account.name,
          role: account.role,
          status: 'active',
          passwordHash: hash,
          teamId: account.team ? (teamIds.get(account.team) ?? null) : null,
        }),
      );
      if (account.role === 'hr') hrUserId = user.id;
      if ('manages' in account) {
        await manager.insert(TeamManagerEntity, {
          organisationId: org.id,
          teamId: teamIds.get(account.manages),
          userId: user.id,
        });
      }
    }
    await manager.insert(
      UserEntity,
      demoEmployees().map((e) => ({
        organisationId: org.id,
        email: e.email,
        name: e.name,
        employeeNumber: e.employeeNumber,
        role: 'employee' as const,
        status: 'invited' as const,
        teamId: teamIds.get(e.team) ?? null,
      })),
    );
    // The Vidomes values (docs/domain.md), published by HR as version 1.
    const versionId = await this.values.publishContent(manager, org.id, hrUserId, VIDOMES_TEMPLATE);
    const customers = await seedCustomers(manager, org.id, versionId, teamIds);
    // A year of quarterly self-assessments and customer responses, so every chart has a story.
    await seedHistory(manager, org.id, versionId, teamIds, customers);
    // Last year's signed appraisals and this year's cycle at every stage.
    await seedAppraisals(manager, org.id, versionId, teamIds, {
      cycles: this.appraisalCycles,
      appraisals: this.appraisals,
      conversations: this.conversations,
    });
    return org.id;
  }

  credentials(): string {
    return [
      'Demo accounts (password ' + DEMO_PASSWORD + '):',
      ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(8)} ${a.email}`),
    ].join('\n');
  }
}
