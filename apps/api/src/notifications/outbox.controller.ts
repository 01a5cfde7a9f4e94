import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { OUTBOX_STATUSES } from '@wk/contracts';
import type { OutboxMessage, OutboxStatus, Page } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { notFound } from '../common/domain-error';
import { PaginationQuery } from '../common/pagination.dto';
import { UuidParam } from '../common/uuid-param';
import { OutboxRepository } from './outbox.repository';

class OutboxQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES }) @IsOptional() @IsIn(OUTBOX_STATUSES) status?: OutboxStatus;
  @ApiPropertyOptional({ description: "Only this self-assessment round's invitations and reminders" })
  @IsOptional()
  @IsUUID()
  roundId?: string;
  @ApiPropertyOptional({ description: "Only this survey wave's invitations and reminders" })
  @IsOptional()
  @IsUUID()
  waveId?: string;
}

/** Admins read every message the product sent or holds, e.g. when no SMTP server is configured. */
@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxRepository) {}

  @Get()
  @Authenticated({ permission: 'outbox.read' })
  async list(@CurrentUser() auth: AuthContext, @Query() query: OutboxQuery): Promise<Page<OutboxMessage>> {
    const { items, total } = await this.outbox.list(
      auth.organisationId,
      { status: query.status, roundId: query.roundId, waveId: query.waveId },
      { limit: query.limit, offset: query.offset },
    );
    return { items, total, limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @Authenticated({ permission: 'outbox.read' })
  async get(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Message')) id: string,
  ): Promise<OutboxMessage> {
    const message = await this.outbox.get(auth.organisationId, id);
    if (!message) throw notFound('Message');
    return message;
  }
}
