import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import type { CreateOrganisationRequest, OrganisationStatus, OrganisationUsage } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import { conflict, notFound } from '../common/domain-error';
import { JOBS } from '../jobs/queues';
import { MailService } from '../notifications/mail.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { PeopleService } from '../people/people.service';
import { PlatformRepository } from './platform.repository';
import { slugFrom } from './slug';

/** What the platform operator does with organisations (also from the command line): no content. */
@Injectable()
export class PlatformOrganisationsService {
  private readonly logger = new Logger('Platform');

  constructor(
    private readonly platform: PlatformRepository,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleService,
    private readonly mail: MailService,
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  list(): Promise<OrganisationUsage[]> {
    return this.platform.usage();
  }

  async get(id: string): Promise<OrganisationUsage> {
    const [found] = await this.platform.usage(id);
    if (!found) throw notFound('Organisation');
    return found;
  }

  /** A new organisation, and (optionally) its first admin invited by mail. */
  async create(input: CreateOrganisationRequest): Promise<OrganisationUsage> {
    const { id, outboxId } = await this.db.transaction(async (manager) => {
      const organisation = await this.createIn(manager, input);
      const admin = input.admin
        ? await this.people.createAdmin(manager, organisation.id, { ...input.admin, locale: input.locale })
        : null;
      return { id: organisation.id, outboxId: admin?.outboxId ?? null };
    });
    if (outboxId) await this.mail.dispatch([outboxId]);
    this.logger.log(`Organisation ${id} created`);
    return this.get(id);
  }

  /** Creates the organisation row in the caller's transaction; a taken slug is a 409. */
  async createIn(
    manager: EntityManager,
    input: { name: string; slug?: string; locale?: Locale; timeZone?: string },
  ): Promise<{ id: string; slug: string }> {
    const slug = input.slug ?? (await this.freeSlug(slugFrom(input.name)));
    if (input.slug && (await this.platform.slugTaken(input.slug)))
      throw conflict('conflict', `The address name "${input.slug}" is taken`, 'slug');
    return this.organisations.create(
      {
        name: input.name,
        slug,
        ...(input.locale ? { locale: input.locale } : {}),
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      },
      manager,
    );
  }

  async inviteAdmin(id: string, admin: { name: string; email: string }): Promise<{ userId: string }> {
    await this.get(id);
    const { userId, outboxId } = await this.db.transaction((manager) =>
      this.people.createAdmin(manager, id, admin),
    );
    if (outboxId) await this.mail.dispatch([outboxId]);
    return { userId };
  }

  async setStatus(id: string, status: OrganisationStatus): Promise<OrganisationUsage> {
    if (!(await this.platform.setStatus(id, status))) throw notFound('Organisation');
    this.logger.log(`Organisation ${id} ${status}`);
    return this.get(id);
  }

  /** Removes the organisation with every row it owns, and its schedules from the shared queues. */
  async delete(id: string, confirmSlug: string): Promise<void> {
    const organisation = await this.get(id);
    if (organisation.slug !== confirmSlug)
      throw conflict('confirm_mismatch', "Type the organisation's address name to delete it", 'confirm');
    const { cycles, surveys } = await this.platform.scheduleIds(id);
    await this.platform.delete(id);
    // The worker also drops schedules without a row at its next start; this stops them now.
    for (const cycleId of cycles)
      await this.queue(JOBS.openRound.queue).removeJobScheduler(JOBS.openRound.schedulerKey(cycleId));
    for (const surveyId of surveys)
      await this.queue(JOBS.sendWave.queue).removeJobScheduler(JOBS.sendWave.schedulerKey(surveyId));
    this.logger.log(`Organisation ${id} deleted with all its data`);
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  private async freeSlug(base: string): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base.slice(0, 55)}-${n}`;
      if (!(await this.platform.slugTaken(candidate))) return candidate;
    }
  }
}
