import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsUUID,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CYCLE_DEFAULTS, CYCLE_LIMITS, SELF_LEVELS } from '@wk/domain';
import type { SelfLevel } from '@wk/domain';
import type { CreateCycleRequest, SaveAnswersRequest, UpdateCycleRequest } from '@wk/contracts';
import { Optional } from '../../common/optional';
import { IntBetween, RequiredText, TrimmedText } from '../../common/field-decorators';
import { IsCadence, IsTimeZone } from '../../common/validators';

export class CreateCycleDto implements CreateCycleRequest {
  @ApiProperty({ example: 'Kwartaalmeting' })
  @RequiredText(CYCLE_LIMITS.nameLength)
  name!: string;
  @ApiProperty({ description: 'A published values version' }) @IsUUID() valuesVersionId!: string;
  @ApiPropertyOptional({ type: [String], description: 'Empty or left out: the whole organisation' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  teamIds?: string[];
  @ApiProperty({ example: CYCLE_DEFAULTS.cron }) @IsCadence() cron!: string;
  @ApiPropertyOptional({ example: CYCLE_DEFAULTS.timeZone })
  @Optional()
  @IsTimeZone()
  timeZone?: string;
  @ApiPropertyOptional({ default: CYCLE_DEFAULTS.windowDays })
  @Optional()
  @IntBetween(CYCLE_LIMITS.windowDaysMin, CYCLE_LIMITS.windowDaysMax)
  windowDays?: number;
  @ApiPropertyOptional({ type: [Number], default: CYCLE_DEFAULTS.reminderDays })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @IntBetween(1, CYCLE_LIMITS.windowDaysMax, { each: true })
  reminderDays?: number[];
  @ApiPropertyOptional({ default: true }) @Optional() @IsBoolean() remindDayBeforeDeadline?: boolean;
}

/** Every field of a cycle may change on its own; what is sent is validated like on create. */
// skipNullProperties: false: a null is validated (and refused) like any value, not skipped.
export class UpdateCycleDto
  extends PartialType(CreateCycleDto, { skipNullProperties: false })
  implements UpdateCycleRequest {}

export class AnswerDto {
  @ApiProperty() @IsUUID() behaviourId!: string;
  @ApiProperty({ enum: SELF_LEVELS, nullable: true, description: 'null is "n.v.t."' })
  @ValidateIf((_o, v) => v !== null)
  @IsIn(SELF_LEVELS)
  level!: SelfLevel | null;
}

export class ExampleDto {
  @ApiProperty() @IsUUID() valueId!: string;
  @ApiProperty({ description: 'Empty removes the example' })
  @TrimmedText(1000)
  text!: string;
}

export class SaveAnswersDto implements SaveAnswersRequest {
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers!: AnswerDto[];

  @ApiPropertyOptional({ type: [ExampleDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ExampleDto)
  examples?: ExampleDto[];
}
