import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { FieldError, Journey } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, notFound } from '../common/domain-error';
import { invalidFields, nameTaken, onNameClash, onReferenced } from './customers.errors';
import { englishName, JourneyDto } from './dto/customers.dto';
import { JourneyFields, JourneysRepository, TouchpointWrite } from './journeys.repository';

const NAME_INDEX = 'customer_journeys_name';
const unique = (ids: string[] | undefined) => [...new Set(ids ?? [])];

const journeyFields = (dto: JourneyDto): JourneyFields => ({
  name: dto.name,
  description: dto.description ?? '',
  segmentId: dto.segmentId ?? null,
  nameEn: englishName(dto.nameEn),
});

/**
 * Customer journeys, always written whole: the request lists the touchpoints in journey order; a
 * touchpoint sent with its id keeps its row (and the survey answers given on it), one without is new,
 * one left out is removed unless surveys or answers still point at it.
 */
@Injectable()
export class JourneysService {
  constructor(private readonly repo: JourneysRepository) {}

  list(auth: AuthContext): Promise<Journey[]> {
    return this.repo.journeys(auth.organisationId);
  }

  async get(auth: AuthContext, id: string): Promise<Journey> {
    const [journey] = await this.repo.journeys(auth.organisationId, id);
    if (!journey) throw notFound('Journey');
    return journey;
  }

  async create(auth: AuthContext, dto: JourneyDto): Promise<Journey> {
    const org = auth.organisationId;
    const id = await this.repo.transaction(async (m) => {
      await this.validate(m, org, dto, new Set());
      await this.assertNameFree(m, org, dto.name);
      const journeyId = await this.repo
        .insert(m, org, journeyFields(dto))
        .catch(onNameClash(NAME_INDEX, 'journey'));
      await this.writeContent(m, org, journeyId, dto);
      return journeyId;
    });
    return this.get(auth, id);
  }

  /** Replaces the whole journey in one transaction; on any refusal nothing changes. */
  async replace(auth: AuthContext, id: string, dto: JourneyDto): Promise<Journey> {
    const org = auth.organisationId;
    await this.repo.transaction(async (m) => {
      await this.lock(m, org, id);
      const existing = await this.repo.touchpointIds(m, org, id);
      await this.validate(m, org, dto, new Set(existing));
      await this.assertNameFree(m, org, dto.name, id);
      const kept = new Set(dto.touchpoints.map((t) => t.id));
      const removed = existing.filter((tid) => !kept.has(tid));
      const inUse = await this.repo.referencedTouchpoints(m, org, removed);
      if (inUse.length) {
        const names = inUse.map((n) => `"${n}"`).join(', ');
        const message = `Touchpoint(s) ${names} are used by surveys or their answers; keep them in the journey`;
        throw conflict('in_use', message, 'touchpoints');
      }
      await this.repo.update(m, org, id, journeyFields(dto)).catch(onNameClash(NAME_INDEX, 'journey'));
      if (removed.length) {
        await this.repo
          .removeTouchpoints(m, org, removed)
          .catch(onReferenced('A removed touchpoint is used by a survey or its answers', 'touchpoints'));
      }
      await this.writeContent(m, org, id, dto);
    });
    return this.get(auth, id);
  }

  /** Only a journey no survey, invitation or response points at (itself or one of its touchpoints) goes. */
  async remove(auth: AuthContext, id: string): Promise<void> {
    const org = auth.organisationId;
    await this.repo.transaction(async (m) => {
      await this.lock(m, org, id);
      const usage = await this.repo.usage(m, org, id);
      if (usage.surveys || usage.answered) {
        throw conflict(
          'in_use',
          `This journey is used by ${usage.surveys} survey(s)` +
            (usage.answered ? ' and by survey invitations or responses' : ''),
        );
      }
      await this.repo
        .remove(m, org, id)
        .catch(onReferenced('This journey is referenced by a survey or its answers'));
    });
  }

  /** Every rule the pipe cannot check, as one 400 naming each field; nothing is written before. */
  private async validate(m: EntityManager, org: string, dto: JourneyDto, existing: Set<string>) {
    const teamIds = unique([...(dto.teamIds ?? []), ...dto.touchpoints.flatMap((t) => t.teamIds ?? [])]);
    const known = new Set(await this.repo.knownTeams(m, org, teamIds));
    const allKnown = (ids?: string[]) => (ids ?? []).every((tid) => known.has(tid));
    const errors: FieldError[] = [];
    if (dto.segmentId && !(await this.repo.segmentExists(m, org, dto.segmentId)))
      errors.push({ field: 'segmentId', message: 'unknown segment' });
    if (!allKnown(dto.teamIds)) errors.push({ field: 'teamIds', message: 'contains an unknown team' });
    const seenIds = new Set<string>();
    const seenNames = new Map<string, number>();
    dto.touchpoints.forEach((tp, i) => {
      const field = (name: string) => `touchpoints[${i}].${name}`;
      if (tp.id !== undefined) {
        if (!existing.has(tp.id))
          errors.push({ field: field('id'), message: 'not a touchpoint of this journey' });
        else if (seenIds.has(tp.id)) errors.push({ field: field('id'), message: 'listed more than once' });
        seenIds.add(tp.id);
      }
      const first = seenNames.get(tp.name.toLowerCase());
      if (first !== undefined)
        errors.push({ field: field('name'), message: `same name as touchpoints[${first}]` });
      else seenNames.set(tp.name.toLowerCase(), i);
      if (!allKnown(tp.teamIds))
        errors.push({ field: field('teamIds'), message: 'contains an unknown team' });
    });
    if (errors.length) throw invalidFields(errors);
  }

  /** Journey teams, then the touchpoints in request order (kept rows updated, new ones inserted), then their teams. */
  private async writeContent(m: EntityManager, org: string, journeyId: string, dto: JourneyDto) {
    await this.repo.setJourneyTeams(m, org, journeyId, unique(dto.teamIds));
    const rows: TouchpointWrite[] = dto.touchpoints.map((t, position) => ({
      id: t.id,
      position,
      name: t.name,
      channel: t.channel,
      moment: t.momentOfTruth ?? false,
      nameEn: englishName(t.nameEn),
    }));
    const kept = rows.filter((t) => t.id);
    await this.repo.updateTouchpoints(m, org, journeyId, kept);
    const idAt = new Map<number, string>(kept.map((t) => [t.position, t.id as string]));
    const inserted = await this.repo.insertTouchpoints(
      m,
      org,
      journeyId,
      rows.filter((t) => !t.id),
    );
    for (const row of inserted) idAt.set(row.position, row.id);
    const links = dto.touchpoints.flatMap((t, position) =>
      unique(t.teamIds).map((teamId) => ({ touchpointId: idAt.get(position) as string, teamId })),
    );
    await this.repo.setTouchpointTeams(m, org, journeyId, links);
  }

  private async lock(m: EntityManager, org: string, id: string): Promise<void> {
    if (!(await this.repo.lock(m, org, id))) throw notFound('Journey');
  }

  private async assertNameFree(m: EntityManager, org: string, name: string, exceptId?: string) {
    if (await this.repo.nameTaken(m, org, name, exceptId)) throw nameTaken('journey');
  }
}
