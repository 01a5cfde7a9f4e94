import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { SurveyInvitationResult } from '@wk/contracts';
import type { ApiKeyContext } from '../../auth/authenticated.decorator';
import { DomainError, invalid, notFound } from '../../common/domain-error';
import { CustomerContextService } from '../../customers/customer-context.service';
import { CreateSurveyInvitationDto } from '../dto/survey-invitation.dto';
import { SurveyLinks } from '../survey-links';
import { isOpen, type WaveTimes } from '../waves/sending';
import { WaveSendingService } from '../waves/wave-sending.service';
import { ApiIdempotencyRepository, type StoredOutcome } from './api-idempotency.repository';

/**
 * The CRM trigger: one invitation after a touchpoint. The Idempotency-Key is claimed in the same
 * transaction as the work, so the same key twice (also at once) yields one invitation and one mail.
 */
@Injectable()
export class SurveyInvitationsService {
  constructor(
    private readonly keys: ApiIdempotencyRepository,
    private readonly waves: WaveSendingService,
    private readonly context: CustomerContextService,
    private readonly links: SurveyLinks,
  ) {}

  async create(
    caller: ApiKeyContext,
    idempotencyKey: string | undefined,
    dto: CreateSurveyInvitationDto,
  ): Promise<{ result: SurveyInvitationResult; replayed: boolean }> {
    const key = idempotencyKey?.trim();
    if (!key || key.length > 200 || !/^[\x21-\x7e]+$/.test(key))
      throw invalid(
        'Idempotency-Key',
        'send a unique Idempotency-Key header (1-200 visible characters) per invitation',
      );
    const requestHash = hashOf(dto);
    const keyHash = this.links.idempotencyKey(caller.organisationId, key);
    let wave: WaveTimes | null = null;
    const outcome = await this.keys.transaction(async (m) => {
      if (!(await this.keys.claim(m, caller.organisationId, keyHash, requestHash))) {
        const stored = await this.keys.stored(m, caller.organisationId, keyHash);
        if (stored.request_hash !== requestHash)
          throw new DomainError(
            'idempotency_key_reused',
            'This Idempotency-Key was used for another request',
            HttpStatus.CONFLICT,
            [{ field: 'Idempotency-Key', message: 'used before with another request body' }],
          );
        return { stored, replayed: true };
      }
      const survey = await this.waves.lockSurvey(m, dto.surveyId);
      if (!survey || survey.organisation_id !== caller.organisationId) throw notFound('Survey');
      if (!isOpen(survey))
        throw new DomainError('survey_closed', 'This survey takes no invitations', HttpStatus.CONFLICT);
      await this.context.assertContext(m, caller.organisationId, {
        journeyId: survey.journey_id ?? undefined,
        touchpointId: dto.touchpointId,
        segmentId: dto.segmentId,
        teamId: dto.teamId,
      });
      // One API wave per survey per day (in the organisation's time zone): its funnel and its close.
      const apiWave = await this.waves.apiWave(m, survey);
      wave = apiWave;
      const { invitationIds } = await this.waves.invite(m, survey, apiWave, [
        {
          email: dto.email,
          locale: dto.locale ?? null,
          segmentId: dto.segmentId ?? null,
          teamId: dto.teamId ?? null,
          touchpointId: dto.touchpointId ?? null,
        },
      ]);
      const stored: StoredOutcome = {
        request_hash: requestHash,
        status: invitationIds.length ? 'invited' : 'skipped_quarantine',
        invitation_id: invitationIds[0] ?? null,
        wave_id: apiWave.id,
      };
      await this.keys.settle(m, caller.organisationId, keyHash, stored);
      return { stored, replayed: false };
    });
    if (!outcome.replayed && wave && outcome.stored.status === 'invited') await this.waves.afterCommit(wave);
    return {
      result: {
        id: outcome.stored.invitation_id,
        status: outcome.stored.status,
        waveId: outcome.stored.wave_id,
      },
      replayed: outcome.replayed,
    };
  }
}

/** The request's fingerprint: the same key must come with the same body. */
function hashOf(dto: CreateSurveyInvitationDto): string {
  const canonical = Object.fromEntries(
    Object.entries({ ...dto, email: dto.email.toLowerCase() })
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
