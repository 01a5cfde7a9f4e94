import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn } from 'class-validator';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_LIMITS } from '@wk/contracts';
import type {
  CreateWebhookEndpointRequest,
  UpdateWebhookEndpointRequest,
  WebhookEventType,
} from '@wk/contracts';
import { Optional } from '../common/optional';
import { RequiredText, TrimmedText } from '../common/field-decorators';

const EVENTS_MESSAGE = `events must be names from the catalogue: ${WEBHOOK_EVENT_TYPES.join(', ')}`;

/** The URL's form (https, no credentials, no refused address) is checked by the service: it depends on NODE_ENV. */
export class CreateWebhookEndpointDto implements CreateWebhookEndpointRequest {
  @ApiProperty({ example: 'https://example.com/hooks/waardenkompas', maxLength: WEBHOOK_LIMITS.urlMax })
  @RequiredText(WEBHOOK_LIMITS.urlMax)
  url!: string;

  @ApiPropertyOptional({ maxLength: WEBHOOK_LIMITS.descriptionMax })
  @Optional()
  @TrimmedText(WEBHOOK_LIMITS.descriptionMax)
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

/** Every field may change on its own; what is sent is validated like on create. */
// skipNullProperties: false: a null is validated (and refused) like any value, not skipped.
export class UpdateWebhookEndpointDto
  extends PartialType(CreateWebhookEndpointDto, { skipNullProperties: false })
  implements UpdateWebhookEndpointRequest {}
