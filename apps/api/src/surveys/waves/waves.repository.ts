import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { WaveKind } from '@wk/domain';
import type { Wave, WaveYouSaidRequest } from '@wk/contracts';
import { returnedRows } from '../../common/sql';
import type { SendingSurvey, WaveTimes } from './sending';
import { OrganisationRepository } from '../../common/organisation-repository';

/** A wave as HR's report reads it (its funnel is counted apart). */
export interface WaveRow {
  id: string;
  survey_id: string;
  kind: Wave['kind'];
  opens_at: Date;
  closes_at: Date;
  closed_at: Date | null;
  reminder_sent_at: Date | null;
  contacts_deleted_at: Date | null;
  skipped: number;
  you_said_nl: string | null;
  you_said_en: string | null;
}

/** A wave just closed, with its organisation's contact retention. */
export interface ClosedWaveRow {
  id: string;
  retention: number;
  organisation_id: string;
  survey_id: string;
  closed_at: Date;
}

/**
 * The waves of surveys (survey_waves) and the survey row a wave is sent under. Jobs reach a wave
 * or survey by its id alone (the organisation follows from the row); HR's statements run in
 * their organisation's scope.
 */
@Injectable()
export class WavesRepository extends OrganisationRepository {
  /** The survey with what mails need, locked against a concurrent wave of the same survey. */
  async lockSendingSurvey(m: EntityManager, surveyId: string): Promise<SendingSurvey | undefined> {
    const [survey]: SendingSurvey[] = await m.query(
      // A suspended organisation's surveys send nothing (as if paused); nothing is lost on resume.
      `SELECT s.id, s.organisation_id, s.name, CASE WHEN o.status = 'active' THEN s.status ELSE 'paused' END AS status,
              s.closes_at, s.window_days, s.reminder_after_days,
              s.title_nl, s.title_en, s.segment_id, s.team_id, s.journey_id, s.touchpoint_id,
              o.time_zone, o.name AS organisation_name, o.locale AS organisation_locale
         FROM surveys s JOIN organisations o ON o.id = s.organisation_id
        WHERE s.id = $1 FOR UPDATE OF s`,
      [surveyId],
    );
    return survey;
  }

  /** A new wave, or undefined when this firing (survey, kind, scheduledFor) has one already. */
  async insert(
    m: EntityManager,
    survey: SendingSurvey,
    kind: WaveKind,
    scheduledFor: Date | null,
    youSaid: WaveYouSaidRequest,
  ): Promise<WaveTimes | undefined> {
    const [wave]: WaveTimes[] = await m.query(
      `INSERT INTO survey_waves (organisation_id, survey_id, kind, scheduled_for, closes_at, you_said_nl, you_said_en)
       VALUES ($1, $2, $3, $4, least(now() + make_interval(days => $5), coalesce($6, 'infinity'::timestamptz)), $7, $8)
       ON CONFLICT (survey_id, kind, scheduled_for) DO NOTHING
       RETURNING id, organisation_id, opens_at, closes_at`,
      [
        survey.organisation_id,
        survey.id,
        kind,
        scheduledFor,
        survey.window_days,
        survey.closes_at,
        youSaid.youSaidNl || null,
        youSaid.youSaidEn || null,
      ],
    );
    return wave;
  }

  /** Today's API wave of the survey (a day in the organisation's time zone), opened when it is the first. */
  async apiWaveOfToday(
    m: EntityManager,
    survey: SendingSurvey,
  ): Promise<WaveTimes & { closed_at: Date | null }> {
    await m.query(
      `INSERT INTO survey_waves (organisation_id, survey_id, kind, scheduled_for, closes_at)
       VALUES ($1, $2, 'api', date_trunc('day', now() AT TIME ZONE $3) AT TIME ZONE $3,
               least(now() + make_interval(days => $4), coalesce($5, 'infinity'::timestamptz)))
       ON CONFLICT (survey_id, kind, scheduled_for) DO NOTHING`,
      [survey.organisation_id, survey.id, survey.time_zone, survey.window_days, survey.closes_at],
    );
    const [wave]: (WaveTimes & { closed_at: Date | null })[] = await m.query(
      `SELECT id, organisation_id, opens_at, closes_at, closed_at FROM survey_waves
        WHERE survey_id = $1 AND kind = 'api' AND scheduled_for = date_trunc('day', now() AT TIME ZONE $2) AT TIME ZONE $2`,
      [survey.id, survey.time_zone],
    );
    return wave;
  }

  async addSkipped(m: EntityManager, waveId: string, count: number): Promise<void> {
    await m.query(`UPDATE survey_waves SET skipped = skipped + $2 WHERE id = $1`, [waveId, count]);
  }

  /** Claims the wave's one reminder (of that organisation, when given); undefined when it had it or is closed. */
  async claimReminder(
    m: EntityManager,
    waveId: string,
    organisationId: string | undefined,
  ): Promise<{ survey_id: string } | undefined> {
    const [claimed] = returnedRows<{ survey_id: string }>(
      await m.query(
        `UPDATE survey_waves SET reminder_sent_at = now()
          WHERE id = $1 AND reminder_sent_at IS NULL AND closed_at IS NULL AND closes_at > now()
            AND ($2::uuid IS NULL OR organisation_id = $2)
          RETURNING survey_id`,
        [waveId, organisationId ?? null],
      ),
    );
    return claimed;
  }

  async times(m: EntityManager, waveId: string): Promise<WaveTimes> {
    const [wave]: WaveTimes[] = await m.query(
      `SELECT id, organisation_id, opens_at, closes_at FROM survey_waves WHERE id = $1`,
      [waveId],
    );
    return wave;
  }

  /** Sets or clears each line that is given (empty: no line); leaves the other as it is. */
  async setYouSaid(organisationId: string, waveId: string, youSaid: WaveYouSaidRequest): Promise<void> {
    await this.scope(organisationId).rows(
      `UPDATE survey_waves SET
         you_said_nl = CASE WHEN $3::boolean THEN nullif($4, '') ELSE you_said_nl END,
         you_said_en = CASE WHEN $5::boolean THEN nullif($6, '') ELSE you_said_en END
       WHERE organisation_id = $1 AND id = $2`,
      [
        waveId,
        youSaid.youSaidNl !== undefined,
        youSaid.youSaidNl ?? '',
        youSaid.youSaidEn !== undefined,
        youSaid.youSaidEn ?? '',
      ],
    );
  }

  /** Closes an open wave (of that organisation, when given); undefined when it was closed already. */
  async close(
    m: EntityManager,
    waveId: string,
    organisationId: string | undefined,
  ): Promise<ClosedWaveRow | undefined> {
    const [closed] = returnedRows<ClosedWaveRow>(
      await m.query(
        `UPDATE survey_waves w SET closed_at = now()
           FROM organisations o
          WHERE w.id = $1 AND o.id = w.organisation_id AND w.closed_at IS NULL
            AND ($2::uuid IS NULL OR w.organisation_id = $2)
          RETURNING w.id, o.contact_retention_days AS retention, w.organisation_id, w.survey_id, w.closed_at`,
        [waveId, organisationId ?? null],
      ),
    );
    return closed;
  }

  async markContactsDeleted(m: EntityManager, waveId: string): Promise<void> {
    await m.query(`UPDATE survey_waves SET contacts_deleted_at = now() WHERE id = $1`, [waveId]);
  }

  /** Open waves past their end, or whose survey has closed (by status or date). */
  overdue(): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT w.id FROM survey_waves w JOIN surveys s ON s.id = w.survey_id
        WHERE w.closed_at IS NULL AND (w.closes_at <= now() OR s.status = 'closed' OR s.closes_at <= now())`,
    );
  }

  /** Closed waves whose contact data is past the organisation's retention and still there. */
  pastRetention(): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT w.id FROM survey_waves w JOIN organisations o ON o.id = w.organisation_id
        WHERE w.closed_at IS NOT NULL AND w.contacts_deleted_at IS NULL
          AND w.closed_at <= now() - make_interval(days => o.contact_retention_days)`,
    );
  }

  /** Every open wave with its survey's reminder days (the worker's start re-queues their jobs). */
  open(): Promise<(WaveTimes & { reminder_after_days: number })[]> {
    return this.db.query(
      `SELECT w.id, w.organisation_id, w.opens_at, w.closes_at, s.reminder_after_days
         FROM survey_waves w JOIN surveys s ON s.id = w.survey_id WHERE w.closed_at IS NULL`,
    );
  }

  async reminderAfterDays(waveId: string): Promise<number | undefined> {
    const [row]: { reminder_after_days: number }[] = await this.db.query(
      `SELECT s.reminder_after_days FROM survey_waves w JOIN surveys s ON s.id = w.survey_id WHERE w.id = $1`,
      [waveId],
    );
    return row?.reminder_after_days;
  }

  /** The waves of the organisation: of one survey, or the one wave; newest first. */
  list(organisationId: string, by: { surveyId?: string; waveId?: string }): Promise<WaveRow[]> {
    return this.scope(organisationId).rows<WaveRow>(
      `SELECT w.id, w.survey_id, w.kind, w.opens_at, w.closes_at, w.closed_at, w.reminder_sent_at,
              w.contacts_deleted_at, w.skipped, w.you_said_nl, w.you_said_en
         FROM survey_waves w
        WHERE w.organisation_id = $1 AND ($2::uuid IS NULL OR w.survey_id = $2) AND ($3::uuid IS NULL OR w.id = $3)
        ORDER BY w.opens_at DESC`,
      [by.surveyId ?? null, by.waveId ?? null],
    );
  }

  /** The survey's waves that are still open. */
  openOf(organisationId: string, surveyId: string): Promise<{ id: string }[]> {
    return this.scope(organisationId).rows(
      `SELECT id FROM survey_waves WHERE organisation_id = $1 AND survey_id = $2 AND closed_at IS NULL`,
      [surveyId],
    );
  }
}
