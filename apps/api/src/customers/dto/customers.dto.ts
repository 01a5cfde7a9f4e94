import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SURVEY_LIMITS, TOUCHPOINT_CHANNELS } from '@wk/domain';
import type { TouchpointChannel } from '@wk/domain';
import type { JourneyRequest, SegmentRequest, TouchpointRequest } from '@wk/contracts';
import { Optional } from '../../common/optional';
import { trim } from '../../common/transforms';

/** More serving teams than any organisation has; only a bound against absurd payloads. */
const MAX_TEAMS = 500;

// applyDecorators applies in list order; TypeScript applies stacked decorators bottom-up, so the
// lists below run from the bottom line up and validation messages keep their order.

/** An English name next to the Dutch one: empty or null shows the Dutch name (null passes). */
const EnglishName = (maxLength: number, example: string) =>
  applyDecorators(
    MaxLength(maxLength),
    IsString(),
    Transform(trim),
    IsOptional(),
    ApiPropertyOptional({
      nullable: true,
      example,
      maxLength,
      description: 'English name; empty or null shows the Dutch name',
    }),
  );

/** Optional free text, stored empty when left out (an explicit null is refused). */
const OptionalText = (maxLength: number, description?: string) =>
  applyDecorators(
    MaxLength(maxLength),
    IsString(),
    Transform(trim),
    Optional(),
    ApiPropertyOptional({ default: '', maxLength, ...(description ? { description } : {}) }),
  );

export class SegmentDto implements SegmentRequest {
  @ApiProperty({ example: 'Het tweeverdienershuishouden', maxLength: SURVEY_LIMITS.segmentNameLength })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(SURVEY_LIMITS.segmentNameLength)
  name!: string;

  @EnglishName(SURVEY_LIMITS.segmentNameLength, 'The two-income household')
  nameEn?: string | null;

  @OptionalText(SURVEY_LIMITS.descriptionLength)
  description?: string;

  @OptionalText(SURVEY_LIMITS.descriptionLength, 'The persona story that gives the segment a face')
  persona?: string;
}

export class TouchpointDto implements TouchpointRequest {
  @ApiPropertyOptional({ description: 'A touchpoint of this journey to keep; left out: a new touchpoint' })
  @Optional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Aanvraag indienen', maxLength: SURVEY_LIMITS.nameLength })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(SURVEY_LIMITS.nameLength)
  name!: string;

  @EnglishName(SURVEY_LIMITS.nameLength, 'Submit the application')
  nameEn?: string | null;

  @ApiProperty({ enum: TOUCHPOINT_CHANNELS })
  @IsIn(TOUCHPOINT_CHANNELS)
  channel!: TouchpointChannel;

  @ApiPropertyOptional({ default: false, description: 'A big moment that must go right' })
  @Optional()
  @IsBoolean()
  momentOfTruth?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Teams that serve this touchpoint' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_TEAMS)
  @IsUUID('all', { each: true })
  teamIds?: string[];
}

/** Empty English names are stored as null: the Dutch name shows. */
export const englishName = (value: string | null | undefined): string | null => value || null;

/** The whole journey, for create and replace alike. */
export class JourneyDto implements JourneyRequest {
  @ApiProperty({ example: 'Verhuizen', maxLength: SURVEY_LIMITS.nameLength })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(SURVEY_LIMITS.nameLength)
  name!: string;

  @EnglishName(SURVEY_LIMITS.nameLength, 'Moving house')
  nameEn?: string | null;

  @OptionalText(SURVEY_LIMITS.descriptionLength)
  description?: string;

  @ApiPropertyOptional({ nullable: true, description: 'The customer segment this journey is drawn for' })
  @IsOptional()
  @IsUUID()
  segmentId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Teams that serve the journey as a whole' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_TEAMS)
  @IsUUID('all', { each: true })
  teamIds?: string[];

  @ApiProperty({
    type: [TouchpointDto],
    maxItems: SURVEY_LIMITS.touchpointsPerJourney,
    description: 'In journey order; an existing touchpoint left out is removed',
  })
  @IsArray()
  @ArrayMaxSize(SURVEY_LIMITS.touchpointsPerJourney)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TouchpointDto)
  touchpoints!: TouchpointDto[];
}
