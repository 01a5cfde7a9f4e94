import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../jobs/queues';
import { OutboxRepository } from './outbox.repository';

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
    private readonly outbox: OutboxRepository,
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
  async store(mail: MailToSend, manager?: EntityManager): Promise<string> {
    return this.outbox.insert(mail, this.initialStatus, manager);
  }

  /**
   * Stores many messages in one statement (a round's invitations); those whose dedup key exists
   * already are skipped. Use inside the caller's transaction, then `dispatch` after commit.
   */
  async storeMany(mails: MailToSend[], manager?: EntityManager): Promise<void> {
    for (let start = 0; start < mails.length; start += 2000) {
      await this.outbox.insertMany(mails.slice(start, start + 2000), this.initialStatus, manager);
    }
  }

  /** Without SMTP a message is held: it shows in the outbox and is never sent. */
  private get initialStatus(): 'pending' | 'held' {
    return this.deliveryEnabled ? 'pending' : 'held';
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
    const ids = await this.outbox.pendingIds(organisationId, dedupKeys);
    await this.dispatch(ids);
    return ids.length;
  }

  /** Queues those of the given stored messages that are still pending (a repeat queues nothing new). */
  async dispatchStillPending(outboxIds: string[]): Promise<void> {
    if (!outboxIds.length) return;
    await this.dispatch(await this.outbox.stillPending(outboxIds));
  }

  async send(mail: MailToSend): Promise<string> {
    const id = await this.store(mail);
    await this.dispatch([id]);
    return id;
  }
}
