import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import { Repository } from 'typeorm';
import { OUTBOX_STATUSES } from '@wk/contracts';
import type { OutboxMessage, OutboxStatus, Page } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { notFound } from '../common/domain-error';
import { PaginationQuery } from '../common/pagination.dto';
import { UuidParam } from '../common/uuid-param';
import { OutboxMessageEntity } from './outbox-message.entity';

class OutboxQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES }) @IsOptional() @IsIn(OUTBOX_STATUSES) status?: OutboxStatus;
}

const toDto = (m: OutboxMessageEntity): OutboxMessage => ({
  id: m.id,
  kind: m.kind,
  to: m.toAddress,
  subject: m.subject,
  text: m.textBody,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
});

/** Admins read every message the product sent or holds, e.g. when no SMTP server is configured. */
@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(
    @InjectRepository(OutboxMessageEntity) private readonly outbox: Repository<OutboxMessageEntity>,
  ) {}

  @Get()
  @Authenticated({ permission: 'outbox.read' })
  async list(@CurrentUser() auth: AuthContext, @Query() query: OutboxQuery): Promise<Page<OutboxMessage>> {
    const [rows, total] = await this.outbox.findAndCount({
      where: { organisationId: auth.organisationId, ...(query.status ? { status: query.status } : {}) },
      // The id breaks ties: messages stored together share created_at, and without it pages overlapped and skipped rows.
      order: { createdAt: 'DESC', id: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: rows.map(toDto), total, limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @Authenticated({ permission: 'outbox.read' })
  async get(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Message')) id: string,
  ): Promise<OutboxMessage> {
    const row = await this.outbox.findOneBy({ id, organisationId: auth.organisationId });
    if (!row) throw notFound('Message');
    return toDto(row);
  }
}
