import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '../jobs/queues';
import { MailProcessor } from './mail.processor';
import { MailService } from './mail.service';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxController } from './outbox.controller';
import { OutboxRepository } from './outbox.repository';
import { SmtpTransport } from './smtp-transport';

/** The mail outbox: every module stores messages through MailService. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity]), BullModule.registerQueue({ name: QUEUES.mail })],
  controllers: [OutboxController],
  providers: [MailService, OutboxRepository],
  exports: [MailService],
})
export class NotificationsModule {}

/** The worker side: SMTP delivery. */
@Module({
  imports: [NotificationsModule, TypeOrmModule.forFeature([OutboxMessageEntity])],
  providers: [MailProcessor, SmtpTransport],
})
export class NotificationsWorkerModule {}
