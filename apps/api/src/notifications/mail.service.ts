import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { EntityManager, Repository } from 'typeorm';
import { AppConfig } from '../config/config';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../jobs/queues';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface MailToSend {
  organisationId: string;
  kind: string;
  /** Names the work this message is for; a second message with the same key is never created. */
  dedupKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The round or wave the message belongs to (an invitation or reminder): the outbox shows and filters by it. */
  roundId?: string;
  waveId?: string;
}

/** Every message goes through the outbox table; a worker job delivers it when SMTP is configured. */
@Injectable()
export class MailService {
  constructor(
    @InjectRepository(OutboxMessageEntity) private readonly outbox: Repository<OutboxMessageEntity>,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  get deliveryEnabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  /**
   * Stores the message (idempotent on dedupKey) and returns its id. Pass the caller's transaction
   * manager to store it atomically with the work; call `dispatch` after commit.
   */
  async store(mail: MailToSend, manager: EntityManager = this.outbox.manager): Promise<string> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessageEntity)
      .values({
        organisationId: mail.organisationId,
        kind: mail.kind,
        dedupKey: mail.dedupKey,
        toAddress: mail.to,
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html ?? null,
        roundId: mail.roundId ?? null,
        waveId: mail.waveId ?? null,
        status: this.deliveryEnabled ? 'pending' : 'held',
        attempts: 0,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = result.raw[0]?.id as string | undefined;
    if (inserted) return inserted;
    const existing = await manager.findOneOrFail(OutboxMessageEntity, {
      where: { organisationId: mail.organisationId, dedupKey: mail.dedupKey },
      select: { id: true },
    });
    return existing.id;
  }

  /**
   * Stores many messages in one statement (a round's invitations); those whose dedup key exists
   * already are skipped. Use inside the caller's transaction, then `dispatch` after commit.
   */
  async storeMany(mails: MailToSend[], manager: EntityManager = this.outbox.manager): Promise<void> {
    for (let start = 0; start < mails.length; start += 2000) {
      const chunk = mails.slice(start, start + 2000);
      await manager.query(
        `INSERT INTO outbox_messages (organisation_id, kind, dedup_key, to_address, subject, text_body, html_body, status, attempts, round_id, wave_id)
         SELECT organisation_id, kind, dedup_key, to_address, subject, text_body, html_body, $8, 0, round_id, wave_id
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $9::uuid[], $10::uuid[])
             AS m(organisation_id, kind, dedup_key, to_address, subject, text_body, html_body, round_id, wave_id)
         ON CONFLICT (organisation_id, dedup_key) DO NOTHING`,
        [
          chunk.map((m) => m.organisationId),
          chunk.map((m) => m.kind),
          chunk.map((m) => m.dedupKey),
          chunk.map((m) => m.to),
          chunk.map((m) => m.subject),
          chunk.map((m) => m.text),
          chunk.map((m) => m.html ?? null),
          this.deliveryEnabled ? 'pending' : 'held',
          chunk.map((m) => m.roundId ?? null),
          chunk.map((m) => m.waveId ?? null),
        ],
      );
    }
  }

  /** Queues delivery of stored messages; the job id makes a repeated dispatch a no-op. */
  async dispatch(outboxIds: string[]): Promise<void> {
    if (!this.deliveryEnabled || outboxIds.length === 0) return;
    for (let start = 0; start < outboxIds.length; start += 1000) {
      await this.queue.addBulk(
        outboxIds.slice(start, start + 1000).map((id) => ({
          name: JOBS.sendMail.name,
          data: { outboxId: id },
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: JOBS.sendMail.id(id) },
        })),
      );
    }
  }

  /**
   * Queues the stored messages with these dedup keys that are still pending (call after the commit
   * that stored them; after a crash in between too). Returns how many were queued.
   */
  async dispatchPending(organisationId: string, dedupKeys: string[]): Promise<number> {
    if (!dedupKeys.length) return 0;
    // Looked up through the unique (organisation_id, dedup_key) index.
    const rows: { id: string }[] = await this.outbox.query(
      `SELECT id FROM outbox_messages WHERE organisation_id = $1 AND dedup_key = ANY($2::text[]) AND status = 'pending'`,
      [organisationId, dedupKeys],
    );
    await this.dispatch(rows.map((r) => r.id));
    return rows.length;
  }

  async send(mail: MailToSend): Promise<string> {
    const id = await this.store(mail);
    await this.dispatch([id]);
    return id;
  }
}
