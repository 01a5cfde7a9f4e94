import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
} from 'class-validator';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_LIMITS } from '@wk/contracts';
import type {
  CreateWebhookEndpointRequest,
  UpdateWebhookEndpointRequest,
  WebhookEventType,
} from '@wk/contracts';
import { Optional } from '../common/optional';
import { trim } from '../common/transforms';

const EVENTS_MESSAGE = `events must be names from the catalogue: ${WEBHOOK_EVENT_TYPES.join(', ')}`;

/** The URL's form (https, no credentials, no refused address) is checked by the service: it depends on NODE_ENV. */
export class CreateWebhookEndpointDto implements CreateWebhookEndpointRequest {
  @ApiProperty({ example: 'https://example.com/hooks/waardenkompas', maxLength: WEBHOOK_LIMITS.urlMax })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(WEBHOOK_LIMITS.urlMax)
  url!: string;

  @ApiPropertyOptional({ maxLength: WEBHOOK_LIMITS.descriptionMax })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.descriptionMax)
  description?: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENTS_MESSAGE })
  events!: WebhookEventType[];

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateWebhookEndpointDto implements UpdateWebhookEndpointRequest {
  @ApiPropertyOptional({ maxLength: WEBHOOK_LIMITS.urlMax })
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(WEBHOOK_LIMITS.urlMax)
  url?: string;

  @ApiPropertyOptional({ maxLength: WEBHOOK_LIMITS.descriptionMax })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.descriptionMax)
  description?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @Optional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENTS_MESSAGE })
  events?: WebhookEventType[];

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  enabled?: boolean;
}
