import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { In, Repository } from 'typeorm';
import { MAIL_CONCURRENCY, QUEUES } from '../jobs/queues';
import { MailService } from './mail.service';
import { OutboxMessageEntity } from './outbox-message.entity';
import { SmtpTransport } from './smtp-transport';

/**
 * Delivers one outbox message per job. The outbox row is the truth: a message already marked
 * sent is never sent again, whatever BullMQ retries or repeats.
 */
@Processor(QUEUES.mail, { concurrency: MAIL_CONCURRENCY })
export class MailProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    @InjectRepository(OutboxMessageEntity) private readonly outbox: Repository<OutboxMessageEntity>,
    private readonly smtp: SmtpTransport,
    private readonly mail: MailService,
  ) {
    super();
  }

  /** Redis may have lost queued jobs: re-queue every message the database says is unsent. */
  async onApplicationBootstrap(): Promise<void> {
    const unsent = await this.outbox.find({ where: { status: In(['pending']) }, select: { id: true } });
    await this.mail.dispatch(unsent.map((m) => m.id));
    if (unsent.length) this.logger.log(`Re-queued ${unsent.length} unsent message(s)`);
  }

  /**
   * Deliveries in flight finish before the SMTP pool closes. Closing the pool under them (both in the
   * same shutdown phase) left their sends unanswered, so the worker never stopped (seen in tests).
   */
  async onApplicationShutdown(): Promise<void> {
    await this.worker.close();
    this.smtp.close();
  }

  async process(job: Job<{ outboxId: string }>): Promise<'sent' | 'skipped'> {
    const message = await this.outbox.findOneBy({ id: job.data.outboxId });
    // Only a pending message goes out: sent ones never twice, stopped ones (contact data deleted) never.
    if (!message || message.status !== 'pending') return 'skipped';
    await this.outbox.increment({ id: message.id }, 'attempts', 1);
    try {
      const info = await this.smtp.get().sendMail({
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody ?? undefined,
        // A stable Message-ID lets receiving servers drop a duplicate if a crash forces a resend.
        messageId: `<${message.id}@waardenkompas>`,
      });
      await this.outbox.update(
        { id: message.id },
        { status: 'sent', sentAt: new Date(), messageId: info.messageId, lastError: null },
      );
      return 'sent';
    } catch (error) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.outbox.update(
        { id: message.id },
        {
          lastError: String((error as Error).message).slice(0, 2000),
          status: lastAttempt ? 'failed' : 'pending',
        },
      );
      throw error;
    }
  }
}
