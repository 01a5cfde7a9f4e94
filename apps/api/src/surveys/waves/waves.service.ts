import { InjectQueue } from '@nestjs/bullmq';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { localized, waveReminderAt } from '@wk/domain';
import type { Locale, WaveKind } from '@wk/domain';
import type { WaveYouSaidRequest } from '@wk/contracts';
import { DomainError } from '../../common/domain-error';
import { returnedRows } from '../../common/sql';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../../jobs/queues';
import { renderLinkMail } from '../../notifications/mail-templates';
import { MailService, type MailToSend } from '../../notifications/mail.service';
import { WebhookEvents } from '../../webhooks/webhook-events.service';
import { SurveyLinks } from '../survey-links';
import { claimContacts } from './quarantine';

/** A survey with what its mails need. */
export interface SendingSurvey {
  id: string;
  organisation_id: string;
  name: string;
  status: string;
  closes_at: Date | null;
  window_days: number;
  reminder_after_days: number;
  title_nl: string;
  title_en: string;
  segment_id: string | null;
  team_id: string | null;
  journey_id: string | null;
  touchpoint_id: string | null;
  time_zone: string;
  organisation_name: string;
  organisation_locale: Locale;
}

export interface WaveTimes {
  id: string;
  organisation_id: string;
  opens_at: Date;
  closes_at: Date;
}

/** Someone to invite: a pending contact of the pool (contactId) or a new one from the API. */
export interface Invitee {
  contactId?: string;
  email: string;
  locale: Locale | null;
  segmentId: string | null;
  teamId: string | null;
  /** The contact's own journey and touchpoint (a CRM export): they take precedence over the survey's. */
  journeyId?: string | null;
  touchpointId?: string | null;
}

export const surveyDedupKeys = {
  invite: (invitationId: string) => `survey-invite:${invitationId}`,
  reminder: (invitationId: string) => `survey-reminder:${invitationId}`,
};

/** Whether a survey may still send: active and not past its closing date. */
export const isOpen = (survey: Pick<SendingSurvey, 'status' | 'closes_at'>, now = new Date()) =>
  survey.status === 'active' && (!survey.closes_at || survey.closes_at > now);

/**
 * An invitation's journey and touchpoint. The contact's touchpoint wins (its journey comes with it);
 * a contact's journey alone keeps the survey's touchpoint only when that lies in the same journey.
 * A null journey means the survey's (filled in when the answer is stored).
 */
export function contextOf(
  survey: Pick<SendingSurvey, 'journey_id' | 'touchpoint_id'>,
  invitee: Pick<Invitee, 'journeyId' | 'touchpointId'>,
): { journeyId: string | null; touchpointId: string | null } {
  if (invitee.touchpointId)
    return { journeyId: invitee.journeyId ?? null, touchpointId: invitee.touchpointId };
  if (invitee.journeyId && invitee.journeyId !== survey.journey_id)
    return { journeyId: invitee.journeyId, touchpointId: null };
  return { journeyId: invitee.journeyId ?? null, touchpointId: survey.touchpoint_id };
}

const noPendingContacts = () =>
  new DomainError('no_pending_contacts', 'No contacts are waiting for a wave', HttpStatus.CONFLICT);

/**
 * Waves of a survey: sending to the pending contacts (quarantine claimed atomically), the one
 * reminder, closing, and deleting contact data. Every step is idempotent: a wave is unique per
 * firing, a mail per invitation (outbox dedup key), a job per id.
 */
@Injectable()
export class WavesService {
  private readonly logger = new Logger(WavesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.surveys) private readonly queue: Queue,
    private readonly mail: MailService,
    private readonly links: SurveyLinks,
    private readonly webhooks: WebhookEvents,
  ) {}

  /**
   * A wave to every pending contact of the survey. `scheduledFor` names a schedule's firing (a
   * repeated firing finds its wave and adds nothing); a manual wave with no contacts is a 409.
   */
  async sendPending(
    surveyId: string,
    kind: Extract<WaveKind, 'upload' | 'scheduled'>,
    scheduledFor: Date | null,
    youSaid: WaveYouSaidRequest = {},
  ): Promise<string | null> {
    const sent = await this.db.transaction(async (m) => {
      const survey = await this.lockSurvey(m, surveyId);
      if (!survey || !isOpen(survey)) return null;
      const pool: {
        id: string;
        email: string;
        locale: Locale | null;
        segment_id: string | null;
        team_id: string | null;
        journey_id: string | null;
        touchpoint_id: string | null;
      }[] = await m.query(
        `SELECT id, email, locale, segment_id, team_id, journey_id, touchpoint_id FROM survey_contacts
            WHERE survey_id = $1 AND wave_id IS NULL ORDER BY created_at, id FOR UPDATE`,
        [surveyId],
      );
      if (!pool.length) {
        if (kind === 'scheduled') return null;
        throw noPendingContacts();
      }
      const wave = await this.createWave(m, survey, kind, scheduledFor, youSaid);
      if (!wave) return null; // this firing was handled already
      const invitees = pool.map((c) => ({
        contactId: c.id,
        email: c.email,
        locale: c.locale,
        segmentId: c.segment_id,
        teamId: c.team_id,
        journeyId: c.journey_id,
        touchpointId: c.touchpoint_id,
      }));
      const { skipped } = await this.invite(m, survey, wave, invitees);
      // Contacts in quarantine are never asked; their data goes at once.
      if (skipped.length) {
        await m.query(`DELETE FROM survey_contacts WHERE id = ANY($1::uuid[])`, [
          skipped.map((s) => s.contactId),
        ]);
        await m.query(`UPDATE survey_waves SET skipped = skipped + $2 WHERE id = $1`, [
          wave.id,
          skipped.length,
        ]);
      }
      return wave;
    });
    if (!sent) return null;
    await this.afterCommit(sent);
    return sent.id;
  }

  /**
   * Invites each contact whose quarantine allows it (claimed in the same statement that checks it),
   * creating invitations, contact rows and mails in the caller's transaction. Returns who was skipped.
   */
  async invite(
    m: EntityManager,
    survey: SendingSurvey,
    wave: WaveTimes,
    invitees: Invitee[],
  ): Promise<{ invitationIds: string[]; skipped: Invitee[] }> {
    const keyOf = (i: Invitee) => this.links.emailKey(survey.organisation_id, i.email);
    const claimed = await claimContacts(m, survey.organisation_id, invitees.map(keyOf));
    const allowed = invitees.filter((i) => claimed.delete(keyOf(i))); // delete: one per address
    const skipped = invitees.filter((i) => !allowed.includes(i));
    if (!allowed.length) return { invitationIds: [], skipped };
    const rows = allowed.map((i) => ({
      ...i,
      invitationId: randomUUID(),
      locale: i.locale ?? survey.organisation_locale,
    }));
    await m.query(
      `INSERT INTO survey_invitations (id, organisation_id, survey_id, wave_id, token_hash, locale, segment_id, team_id, touchpoint_id, journey_id)
       SELECT id, $1, $2, $3, token_hash, locale, segment_id, team_id, touchpoint_id, journey_id
         FROM unnest($4::uuid[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::uuid[], $10::uuid[])
           AS x(id, token_hash, locale, segment_id, team_id, touchpoint_id, journey_id)`,
      [
        survey.organisation_id,
        survey.id,
        wave.id,
        rows.map((r) => r.invitationId),
        rows.map((r) => SurveyLinks.hash(this.links.tokenFor(r.invitationId))),
        rows.map((r) => r.locale),
        rows.map((r) => r.segmentId ?? survey.segment_id),
        rows.map((r) => r.teamId ?? survey.team_id),
        rows.map((r) => contextOf(survey, r).touchpointId),
        rows.map((r) => contextOf(survey, r).journeyId),
      ],
    );
    const pooled = rows.filter((r) => r.contactId);
    if (pooled.length)
      await m.query(
        `UPDATE survey_contacts c SET wave_id = $1, invitation_id = x.invitation_id
           FROM unnest($2::uuid[], $3::uuid[]) AS x(id, invitation_id) WHERE c.id = x.id`,
        [wave.id, pooled.map((r) => r.contactId), pooled.map((r) => r.invitationId)],
      );
    const fresh = rows.filter((r) => !r.contactId);
    if (fresh.length)
      await m.query(
        `INSERT INTO survey_contacts (organisation_id, survey_id, email, locale, segment_id, team_id, wave_id, invitation_id, touchpoint_id)
         SELECT $1, $2, email, locale, segment_id, team_id, $3, invitation_id, touchpoint_id
           FROM unnest($4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::uuid[], $9::uuid[])
             AS x(email, locale, segment_id, team_id, invitation_id, touchpoint_id)`,
        [
          survey.organisation_id,
          survey.id,
          wave.id,
          fresh.map((r) => r.email),
          fresh.map((r) => r.locale),
          fresh.map((r) => r.segmentId),
          fresh.map((r) => r.teamId),
          fresh.map((r) => r.invitationId),
          fresh.map((r) => r.touchpointId ?? null),
        ],
      );
    await this.mail.storeMany(
      rows.map((r) => this.renderMail(survey, wave, r.invitationId, r.email, r.locale, 'surveyInvite')),
      m,
    );
    return { invitationIds: rows.map((r) => r.invitationId), skipped };
  }

  /**
   * The wave's one reminder, to invitees who have not answered and whose contact data still
   * exists. Claimed by setting reminder_sent_at, so the scheduled and a manual reminder never both go.
   */
  async remind(waveId: string, options: { manual?: boolean; organisationId?: string } = {}): Promise<number> {
    const reminded = await this.db.transaction(async (m) => {
      const [claimed] = returnedRows<{ survey_id: string }>(
        await m.query(
          `UPDATE survey_waves SET reminder_sent_at = now()
          WHERE id = $1 AND reminder_sent_at IS NULL AND closed_at IS NULL AND closes_at > now()
            AND ($2::uuid IS NULL OR organisation_id = $2)
          RETURNING survey_id`,
          [waveId, options.organisationId ?? null],
        ),
      );
      if (!claimed) {
        if (options.manual)
          throw new DomainError(
            'already_reminded',
            'This wave has had its reminder, or it is closed',
            HttpStatus.CONFLICT,
          );
        return null;
      }
      const survey = await this.lockSurvey(m, claimed.survey_id);
      const [wave]: WaveTimes[] = await m.query(
        `SELECT id, organisation_id, opens_at, closes_at FROM survey_waves WHERE id = $1`,
        [waveId],
      );
      const pending: { invitation_id: string; email: string; locale: Locale }[] = await m.query(
        `SELECT i.id AS invitation_id, c.email, i.locale
           FROM survey_invitations i JOIN survey_contacts c ON c.invitation_id = i.id
          WHERE i.wave_id = $1 AND NOT i.answered`,
        [waveId],
      );
      const mails = pending.map((p) =>
        this.renderMail(survey!, wave, p.invitation_id, p.email, p.locale, 'surveyReminder'),
      );
      await this.mail.storeMany(mails, m);
      return { organisationId: wave.organisation_id, keys: mails.map((mail) => mail.dedupKey) };
    });
    return reminded ? this.mail.dispatchPending(reminded.organisationId, reminded.keys) : 0;
  }

  /** Closes a wave; with a retention of 0 days its contact data goes in the same transaction. */
  /** Sets or clears the wave's "you said, we did" line (empty: no line); also after sending. */
  async setYouSaid(organisationId: string, waveId: string, youSaid: WaveYouSaidRequest): Promise<void> {
    await this.db.query(
      `UPDATE survey_waves SET
         you_said_nl = CASE WHEN $3::boolean THEN nullif($4, '') ELSE you_said_nl END,
         you_said_en = CASE WHEN $5::boolean THEN nullif($6, '') ELSE you_said_en END
       WHERE organisation_id = $1 AND id = $2`,
      [
        organisationId,
        waveId,
        youSaid.youSaidNl !== undefined,
        youSaid.youSaidNl ?? '',
        youSaid.youSaidEn !== undefined,
        youSaid.youSaidEn ?? '',
      ],
    );
  }

  async close(waveId: string, organisationId?: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const [closed] = returnedRows<{
        id: string;
        retention: number;
        organisation_id: string;
        survey_id: string;
        closed_at: Date;
      }>(
        await m.query(
          `UPDATE survey_waves w SET closed_at = now()
           FROM organisations o
          WHERE w.id = $1 AND o.id = w.organisation_id AND w.closed_at IS NULL
            AND ($2::uuid IS NULL OR w.organisation_id = $2)
          RETURNING w.id, o.contact_retention_days AS retention, w.organisation_id, w.survey_id, w.closed_at`,
          [waveId, organisationId ?? null],
        ),
      );
      if (closed)
        await this.webhooks.emit(
          closed.organisation_id,
          'wave.closed',
          { waveId: closed.id, surveyId: closed.survey_id, closedAt: closed.closed_at.toISOString() },
          m,
        );
      if (closed && closed.retention === 0) await this.deleteContacts(m, waveId);
    });
  }

  /**
   * Deletes a closed wave's contact data: the contacts, and the addresses in its mails (a mail not
   * yet delivered is stopped). The quarantine keeps only a keyed hash of each address.
   */
  async deleteContacts(m: EntityManager, waveId: string): Promise<void> {
    await m.query(`DELETE FROM survey_contacts WHERE wave_id = $1`, [waveId]);
    await m.query(
      `UPDATE outbox_messages o SET to_address = '(verwijderd)',
              status = CASE WHEN o.status IN ('pending', 'held') THEN 'failed' ELSE o.status END,
              last_error = CASE WHEN o.status IN ('pending', 'held') THEN 'contact data deleted when the wave closed' ELSE o.last_error END
         FROM survey_invitations i
        WHERE i.wave_id = $1 AND o.organisation_id = i.organisation_id
          AND o.dedup_key IN ('survey-invite:' || i.id, 'survey-reminder:' || i.id)`,
      [waveId],
    );
    // The CRM's retries are over by now; what tied its key to an invitation goes with the contacts.
    await m.query(`DELETE FROM api_idempotency_keys WHERE wave_id = $1`, [waveId]);
    await m.query(`UPDATE survey_waves SET contacts_deleted_at = now() WHERE id = $1`, [waveId]);
  }

  /** Overdue waves close; contact data past retention goes; old quarantine and idempotency rows go. */
  async housekeeping(): Promise<{ closed: number; purged: number }> {
    const overdue: { id: string }[] = await this.db.query(
      `SELECT w.id FROM survey_waves w JOIN surveys s ON s.id = w.survey_id
        WHERE w.closed_at IS NULL AND (w.closes_at <= now() OR s.status = 'closed' OR s.closes_at <= now())`,
    );
    for (const wave of overdue) await this.close(wave.id);
    const expired: { id: string }[] = await this.db.query(
      `SELECT w.id FROM survey_waves w JOIN organisations o ON o.id = w.organisation_id
        WHERE w.closed_at IS NOT NULL AND w.contacts_deleted_at IS NULL
          AND w.closed_at <= now() - make_interval(days => o.contact_retention_days)`,
    );
    for (const wave of expired) await this.db.transaction((m) => this.deleteContacts(m, wave.id));
    await this.db.query(
      `DELETE FROM contact_quarantine q USING organisations o
        WHERE o.id = q.organisation_id AND q.last_asked_at < now() - make_interval(days => o.contact_quarantine_days)`,
    );
    await this.db.query(`DELETE FROM api_idempotency_keys WHERE created_at < now() - interval '7 days'`);
    return { closed: overdue.length, purged: expired.length };
  }

  /** After commit: queue the wave's mails, its reminder and its close (fixed job ids: repeating is harmless). */
  async afterCommit(wave: WaveTimes & { reminder_after_days?: number }): Promise<void> {
    const invitations: { id: string }[] = await this.db.query(
      `SELECT id FROM survey_invitations WHERE wave_id = $1`,
      [wave.id],
    );
    await this.mail.dispatchPending(
      wave.organisation_id,
      invitations.map((i) => surveyDedupKeys.invite(i.id)),
    );
    await this.scheduleJobs(wave);
  }

  /** The reminder and close jobs of an open wave (also re-created by the worker at start). */
  async scheduleJobs(wave: WaveTimes & { reminder_after_days?: number }): Promise<void> {
    // The worker's start passes the reminder days along; only a single new wave looks them up.
    const reminderAfterDays =
      wave.reminder_after_days ??
      (
        await this.db.query(
          `SELECT s.reminder_after_days FROM survey_waves w JOIN surveys s ON s.id = w.survey_id WHERE w.id = $1`,
          [wave.id],
        )
      )[0]?.reminder_after_days;
    const remindAt =
      reminderAfterDays !== undefined && waveReminderAt(wave.opens_at, wave.closes_at, reminderAfterDays);
    if (remindAt)
      await this.queue.add(
        JOBS.remindWave.name,
        { waveId: wave.id },
        {
          ...DEFAULT_JOB_OPTIONS,
          jobId: JOBS.remindWave.id(wave.id),
          delay: Math.max(0, remindAt.getTime() - Date.now()),
        },
      );
    await this.queue.add(
      JOBS.closeWave.name,
      { waveId: wave.id },
      {
        ...DEFAULT_JOB_OPTIONS,
        jobId: JOBS.closeWave.id(wave.id),
        delay: Math.max(0, wave.closes_at.getTime() - Date.now()),
      },
    );
  }

  /** A new wave, or null when this firing (survey, kind, scheduledFor) has one already. */
  async createWave(
    m: EntityManager,
    survey: SendingSurvey,
    kind: WaveKind,
    scheduledFor: Date | null,
    youSaid: WaveYouSaidRequest = {},
  ): Promise<WaveTimes | null> {
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
    return wave ?? null;
  }

  /** The survey with what mails need, locked against a concurrent wave of the same survey. */
  async lockSurvey(m: EntityManager, surveyId: string): Promise<SendingSurvey | undefined> {
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

  private renderMail(
    survey: SendingSurvey,
    wave: WaveTimes,
    invitationId: string,
    email: string,
    locale: Locale,
    kind: 'surveyInvite' | 'surveyReminder',
  ): MailToSend {
    const title = localized(survey.title_nl, survey.title_en, locale) || survey.organisation_name;
    const rendered = renderLinkMail(kind, locale, {
      name: '',
      organisation: survey.organisation_name,
      survey: title,
      link: this.links.invitationLink(invitationId, locale),
      expiresAt: wave.closes_at,
      timeZone: survey.time_zone,
    });
    return {
      organisationId: survey.organisation_id,
      kind: kind === 'surveyInvite' ? 'survey-invite' : 'survey-reminder',
      dedupKey:
        kind === 'surveyInvite'
          ? surveyDedupKeys.invite(invitationId)
          : surveyDedupKeys.reminder(invitationId),
      waveId: wave.id,
      to: email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
    };
  }
}
