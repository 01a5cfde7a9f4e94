import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { CreatedScimToken, CreateScimTokenRequest, ScimSettings, ScimToken } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { trim } from '../common/transforms';
import { UuidParam } from '../common/uuid-param';
import { ScimTokensService } from './scim-tokens.service';

export class CreateScimTokenDto implements CreateScimTokenRequest {
  @ApiProperty({ example: 'Entra ID' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  name!: string;
}

@ApiTags('scim')
@Controller('scim-tokens')
export class ScimTokensController {
  constructor(private readonly tokens: ScimTokensService) {}

  @Get()
  @Authenticated({ permission: 'scim.manage' })
  @ApiOperation({
    summary: 'The SCIM base URL for the identity provider and the tokens (never the tokens themselves)',
  })
  settings(@CurrentUser() auth: AuthContext): Promise<ScimSettings> {
    return this.tokens.settings(auth);
  }

  @Post()
  @Authenticated({ permission: 'scim.manage' })
  @ApiOperation({ summary: 'Create a SCIM token; the answer is the only time the token itself is shown' })
  create(@CurrentUser() auth: AuthContext, @Body() dto: CreateScimTokenDto): Promise<CreatedScimToken> {
    return this.tokens.create(auth, dto.name);
  }

  @Post(':id/revoke')
  @Authenticated({ permission: 'scim.manage' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a SCIM token at once (final)' })
  revoke(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('SCIM token')) id: string,
  ): Promise<ScimToken> {
    return this.tokens.revoke(auth, id);
  }
}
