import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { SurveyInvitationResult } from '@wk/contracts';
import type { ApiKeyContext } from '../../auth/authenticated.decorator';
import { DomainError, invalid, notFound } from '../../common/domain-error';
import { CustomerContextService } from '../../customers/customer-context.service';
import { CreateSurveyInvitationDto } from '../dto/survey-invitation.dto';
import { SurveyLinks } from '../survey-links';
import { isOpen, WavesService, type WaveTimes } from '../waves/waves.service';

interface StoredOutcome {
  request_hash: string;
  status: SurveyInvitationResult['status'];
  invitation_id: string | null;
  wave_id: string | null;
}

/**
 * The CRM trigger: one invitation after a touchpoint. The Idempotency-Key is claimed in the same
 * transaction as the work, so the same key twice (also at once) yields one invitation and one mail.
 */
@Injectable()
export class SurveyInvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly waves: WavesService,
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
    const outcome = await this.db.transaction(async (m) => {
      const [claimed] = await m.query(
        `INSERT INTO api_idempotency_keys (organisation_id, key_hash, request_hash, status) VALUES ($1, $2, $3, 'processing')
         ON CONFLICT (organisation_id, key_hash) DO NOTHING RETURNING key_hash`,
        [caller.organisationId, keyHash, requestHash],
      );
      if (!claimed) {
        const [stored]: StoredOutcome[] = await m.query(
          `SELECT request_hash, status, invitation_id, wave_id FROM api_idempotency_keys WHERE organisation_id = $1 AND key_hash = $2`,
          [caller.organisationId, keyHash],
        );
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
      const [{ journey_id }] = await m.query(`SELECT journey_id FROM surveys WHERE id = $1`, [survey.id]);
      await this.context.assertContext(m, caller.organisationId, {
        journeyId: journey_id ?? undefined,
        touchpointId: dto.touchpointId,
        segmentId: dto.segmentId,
        teamId: dto.teamId,
      });
      // One API wave per survey per day (in the organisation's time zone): its funnel and its close.
      await m.query(
        `INSERT INTO survey_waves (organisation_id, survey_id, kind, scheduled_for, closes_at)
         VALUES ($1, $2, 'api', date_trunc('day', now() AT TIME ZONE $3) AT TIME ZONE $3,
                 least(now() + make_interval(days => $4), coalesce($5, 'infinity'::timestamptz)))
         ON CONFLICT (survey_id, kind, scheduled_for) DO NOTHING`,
        [survey.organisation_id, survey.id, survey.time_zone, survey.window_days, survey.closes_at],
      );
      [wave] = await m.query(
        `SELECT id, organisation_id, opens_at, closes_at, closed_at FROM survey_waves
          WHERE survey_id = $1 AND kind = 'api' AND scheduled_for = date_trunc('day', now() AT TIME ZONE $2) AT TIME ZONE $2`,
        [survey.id, survey.time_zone],
      );
      if ((wave as WaveTimes & { closed_at: Date | null }).closed_at)
        throw new DomainError(
          'wave_closed',
          "Today's API wave of this survey was closed",
          HttpStatus.CONFLICT,
        );
      const { invitationIds } = await this.waves.invite(m, survey, wave!, [
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
        wave_id: wave!.id,
      };
      if (!invitationIds.length)
        await m.query(`UPDATE survey_waves SET skipped = skipped + 1 WHERE id = $1`, [wave!.id]);
      await m.query(
        `UPDATE api_idempotency_keys SET status = $3, invitation_id = $4, wave_id = $5 WHERE organisation_id = $1 AND key_hash = $2`,
        [caller.organisationId, keyHash, stored.status, stored.invitation_id, stored.wave_id],
      );
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
