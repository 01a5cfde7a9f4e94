import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { ApiKey, CreateApiKeyRequest, CreatedApiKey } from '@wk/contracts';
import { trim } from '../common/transforms';
import { UuidParam } from '../common/uuid-param';
import { ApiKeysService } from './api-keys.service';
import { Authenticated, CurrentUser } from './authenticated.decorator';
import type { AuthContext } from './authenticated.decorator';

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({ example: 'CRM' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(80) name!: string;
}

@ApiTags('api keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @Authenticated({ permission: 'apiKeys.manage' })
  list(@CurrentUser() auth: AuthContext): Promise<ApiKey[]> {
    return this.keys.list(auth);
  }

  @Post()
  @Authenticated({ permission: 'apiKeys.manage' })
  @ApiOperation({ summary: 'Create a key; the answer is the only time the key itself is shown' })
  create(@CurrentUser() auth: AuthContext, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.keys.create(auth, dto.name);
  }

  @Post(':id/revoke')
  @Authenticated({ permission: 'apiKeys.manage' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a key at once (final)' })
  revoke(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('API key')) id: string): Promise<ApiKey> {
    return this.keys.revoke(auth, id);
  }
}
