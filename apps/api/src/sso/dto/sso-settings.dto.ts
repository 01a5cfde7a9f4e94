import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';
import { normaliseSsoDomain, SSO_DOMAIN_PATTERN, SSO_MAX_DOMAINS } from '@wk/contracts';
import type { UpdateSsoSettingsRequest } from '@wk/contracts';
import { Optional } from '../../common/optional';
import { trim } from '../../common/transforms';

const domains = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? [...new Set(value.map((d) => (typeof d === 'string' ? normaliseSsoDomain(d) : d)))]
    : value;

export class UpdateSsoSettingsDto implements UpdateSsoSettingsRequest {
  @ApiProperty({ example: 'https://login.microsoftonline.com/<tenant-id>/v2.0' })
  @Transform(trim)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(500)
  issuerUrl!: string;

  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) clientId!: string;

  @ApiPropertyOptional({ description: 'Write-only; leave out to keep the stored secret' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  clientSecret?: string;

  @ApiProperty({ type: [String], example: ['example.nl'] })
  @Transform(domains)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SSO_MAX_DOMAINS)
  @IsString({ each: true })
  @Matches(SSO_DOMAIN_PATTERN, { each: true, message: 'each domain must look like example.nl' })
  allowedDomains!: string[];

  @ApiProperty() @IsBoolean() justInTime!: boolean;
  @ApiProperty() @IsBoolean() passwordLoginDisabled!: boolean;

  @ApiPropertyOptional({
    description:
      "Accept the provider's e-mail (or an e-mail-shaped preferred_username/upn) without email_verified, only in the allowed domains; off when left out",
  })
  @Optional()
  @IsBoolean()
  acceptUnverifiedEmail?: boolean;
}
