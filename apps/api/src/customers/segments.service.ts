import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Segment } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, notFound } from '../common/domain-error';
import { nameTaken, onNameClash, onReferenced } from './customers.errors';
import { englishName, SegmentDto } from './dto/customers.dto';
import { SegmentFields, SegmentsRepository } from './segments.repository';

const NAME_INDEX = 'customer_segments_name';

const segmentFields = (dto: SegmentDto): SegmentFields => ({
  name: dto.name,
  description: dto.description ?? '',
  persona: dto.persona ?? '',
  nameEn: englishName(dto.nameEn),
});

/** Customer segments (profiles) with their persona; names are unique per organisation in any letter case. */
@Injectable()
export class SegmentsService {
  constructor(private readonly repo: SegmentsRepository) {}

  list(auth: AuthContext): Promise<Segment[]> {
    return this.repo.list(auth.organisationId);
  }

  create(auth: AuthContext, dto: SegmentDto): Promise<Segment> {
    return this.repo.transaction(async (m) => {
      await this.assertNameFree(m, auth.organisationId, dto.name);
      return this.repo
        .insert(m, auth.organisationId, segmentFields(dto))
        .catch(onNameClash(NAME_INDEX, 'segment'));
    });
  }

  /** PUT replaces the segment: a description or persona left out becomes empty. */
  update(auth: AuthContext, id: string, dto: SegmentDto): Promise<Segment> {
    return this.repo.transaction(async (m) => {
      await this.lock(m, auth.organisationId, id);
      await this.assertNameFree(m, auth.organisationId, dto.name, id);
      return this.repo
        .update(m, auth.organisationId, id, segmentFields(dto))
        .catch(onNameClash(NAME_INDEX, 'segment'));
    });
  }

  /** Only an unused segment goes: journeys and survey data keep pointing at what they were drawn for. */
  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.repo.transaction(async (m) => {
      await this.lock(m, auth.organisationId, id);
      const usage = await this.repo.usage(m, auth.organisationId, id);
      if (usage.journeys || usage.surveys || usage.surveyData) {
        throw conflict(
          'in_use',
          `This segment is used by ${usage.journeys} journey(s) and ${usage.surveys} survey(s)` +
            (usage.surveyData ? ', and by survey contacts, invitations or responses' : ''),
        );
      }
      await this.repo
        .remove(m, auth.organisationId, id)
        .catch(onReferenced('This segment is referenced elsewhere'));
    });
  }

  private async lock(m: EntityManager, organisationId: string, id: string): Promise<void> {
    if (!(await this.repo.lock(m, organisationId, id))) throw notFound('Segment');
  }

  private async assertNameFree(m: EntityManager, organisationId: string, name: string, exceptId?: string) {
    if (await this.repo.nameTaken(m, organisationId, name, exceptId)) throw nameTaken('segment');
  }
}
