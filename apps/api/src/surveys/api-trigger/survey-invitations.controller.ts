import { Body, Controller, Headers, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SurveyInvitationResult } from '@wk/contracts';
import { ApiKeyAuthenticated, CurrentApiKey } from '../../auth/authenticated.decorator';
import type { ApiKeyContext } from '../../auth/authenticated.decorator';
import { CreateSurveyInvitationDto } from '../dto/survey-invitation.dto';
import { SurveyInvitationsService } from './survey-invitations.service';

/** For a CRM, after a touchpoint: `Authorization: Bearer <organisation API key>`, versioned path. */
@ApiTags('integrations (API key)')
@Controller('v1/survey-invitations')
export class SurveyInvitationsController {
  constructor(private readonly invitations: SurveyInvitationsService) {}

  @Post()
  @ApiKeyAuthenticated()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'One per invitation; a repeat returns the first answer',
  })
  @ApiOperation({
    summary:
      'Invite one customer to a survey (honours the quarantine); 201, or 200 with Idempotent-Replayed: true for a repeated key',
  })
  async create(
    @CurrentApiKey() caller: ApiKeyContext,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() dto: CreateSurveyInvitationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SurveyInvitationResult> {
    const { result, replayed } = await this.invitations.create(caller, idempotencyKey, dto);
    res.status(replayed ? HttpStatus.OK : HttpStatus.CREATED);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result;
  }
}
