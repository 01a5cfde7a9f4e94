import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Organisation } from '@wk/contracts';
import { notFound } from '../common/domain-error';
import { UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationEntity } from './organisation.entity';

export const toOrganisationDto = (o: OrganisationEntity): Organisation => ({
  id: o.id,
  name: o.name,
  slug: o.slug,
  locale: o.locale,
  timeZone: o.timeZone,
  anonymityMinimum: o.anonymityMinimum,
  commentMinimum: o.commentMinimum,
  contactQuarantineDays: o.contactQuarantineDays,
  contactRetentionDays: o.contactRetentionDays,
  reliabilityMinimum: o.reliabilityMinimum,
});

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
  ) {}

  async get(id: string): Promise<OrganisationEntity> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  async update(id: string, dto: UpdateOrganisationDto): Promise<OrganisationEntity> {
    const organisation = await this.get(id);
    // A DTO instance has every declared field as an own property (ES2022 class fields), unsent
    // ones undefined; assigning those would blank the entity that is saved and returned.
    for (const [key, value] of Object.entries(dto))
      if (value !== undefined) Object.assign(organisation, { [key]: value });
    return this.organisations.save(organisation);
  }

  async create(
    input: Pick<OrganisationEntity, 'name' | 'slug'> & Partial<OrganisationEntity>,
    manager: EntityManager = this.organisations.manager,
  ): Promise<OrganisationEntity> {
    return manager.save(manager.create(OrganisationEntity, input));
  }

  findBySlug(slug: string): Promise<OrganisationEntity | null> {
    return this.organisations.findOneBy({ slug });
  }
}
