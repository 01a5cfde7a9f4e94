import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsObject, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { SURVEY_DEFAULTS, SURVEY_LIMITS } from '@wk/domain';
import type { CreateSurveyRequest, SurveySchedule, UpdateSurveyRequest } from '@wk/contracts';
import { Optional } from '../../common/optional';
import { IntBetween, RequiredText, TrimmedText } from '../../common/field-decorators';
import { IsCadence, IsTimeZone } from '../../common/validators';

/** Present and null clears an optional reference; absent leaves it. */
const Nullable = () => ValidateIf((_o, v) => v !== undefined && v !== null);

export class ScheduleDto implements SurveySchedule {
  @ApiProperty({ example: '0 9 * * 1' }) @IsCadence() cron!: string;
  @ApiProperty({ example: SURVEY_DEFAULTS.timeZone }) @IsTimeZone() timeZone!: string;
}

export class CreateSurveyDto implements CreateSurveyRequest {
  @ApiProperty({ example: 'Klanttevredenheid huurders' })
  @RequiredText(SURVEY_LIMITS.nameLength)
  name!: string;

  @ApiProperty({ description: 'A published values version' }) @IsUUID() valuesVersionId!: string;

  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsUUID() journeyId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsUUID() touchpointId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsUUID() segmentId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsUUID() teamId?: string | null;

  @ApiPropertyOptional() @Optional() @TrimmedText(200) titleNl?: string;
  @ApiPropertyOptional() @Optional() @TrimmedText(200) titleEn?: string;
  @ApiPropertyOptional()
  @Optional()
  @TrimmedText(SURVEY_LIMITS.introLength)
  introNl?: string;
  @ApiPropertyOptional()
  @Optional()
  @TrimmedText(SURVEY_LIMITS.introLength)
  introEn?: string;

  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean() askOverallGrade?: boolean;
  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean() askNps?: boolean;
  @ApiPropertyOptional({ default: true }) @Optional() @IsBoolean() askComment?: boolean;

  @ApiPropertyOptional({ description: 'Default: now' }) @Optional() @IsDateString() opensAt?: string;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsDateString() closesAt?: string | null;

  @ApiPropertyOptional({ default: SURVEY_DEFAULTS.windowDays })
  @Optional()
  @IntBetween(SURVEY_LIMITS.windowDaysMin, SURVEY_LIMITS.windowDaysMax)
  windowDays?: number;

  @ApiPropertyOptional({ default: SURVEY_DEFAULTS.reminderAfterDays, description: '0: no reminder' })
  @Optional()
  @IntBetween(0, SURVEY_LIMITS.windowDaysMax)
  reminderAfterDays?: number;

  @ApiPropertyOptional({ type: ScheduleDto, nullable: true, description: 'null: waves only by hand or API' })
  @Nullable()
  @IsObject()
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule?: ScheduleDto | null;

  @ApiPropertyOptional({ default: true }) @Optional() @IsBoolean() openLinkEnabled?: boolean;
}

/** Every field may change on its own; what is sent is validated like on create. */
// skipNullProperties: false: a null is validated (and refused) like any value, not skipped.
export class UpdateSurveyDto
  extends PartialType(CreateSurveyDto, { skipNullProperties: false })
  implements UpdateSurveyRequest {}
