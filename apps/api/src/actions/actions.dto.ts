import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
  IsDateString,
} from 'class-validator';
import { CALENDAR_PERIOD_KINDS } from '@wk/domain';
import { ACTION_LIMITS, ACTION_METRICS, ACTION_STATUSES } from '@wk/contracts';
import type {
  ActionCell,
  ActionMetric,
  ActionStatus,
  AddNoteRequest,
  CalendarPeriodKind,
  CreateFocusRequest,
  NewAction,
  UpdateActionRequest,
} from '@wk/contracts';
import { Optional } from '../common/optional';
import { trim } from '../common/transforms';

const Nullable = () => ValidateIf((_o, v) => v !== undefined && v !== null);
/** A calendar date `YYYY-MM-DD` that exists. */
const DueDate = () => (target: object, property: string) => {
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${property} must be a date YYYY-MM-DD` })(target, property);
  IsDateString({ strict: true }, { message: `${property} must be a date YYYY-MM-DD` })(target, property);
};

export class ActionCellDto implements ActionCell {
  @ApiProperty({ example: 'betrouwbaar' }) @IsString() @IsNotEmpty() @MaxLength(64) valueKey!: string;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsUUID() teamId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsUUID() journeyId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsUUID() touchpointId?: string | null;
  @ApiProperty({ enum: ['month', 'quarter'] }) @IsIn(CALENDAR_PERIOD_KINDS) periodKind!: CalendarPeriodKind;
  @ApiProperty({ example: '2026-Q3' }) @IsString() @MaxLength(7) period!: string;
  @ApiProperty({ enum: ACTION_METRICS }) @IsIn(ACTION_METRICS) metric!: ActionMetric;
}

export class NewActionDto implements NewAction {
  @ApiProperty({ maxLength: ACTION_LIMITS.whatMax })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACTION_LIMITS.whatMax)
  what!: string;

  @ApiProperty() @IsUUID() ownerId!: string;
  @ApiProperty({ example: '2026-12-31' }) @DueDate() dueDate!: string;
}

export class CreateFocusDto implements CreateFocusRequest {
  @ApiProperty({ type: ActionCellDto }) @ValidateNested() @Type(() => ActionCellDto) cell!: ActionCellDto;

  @ApiProperty({ maxLength: ACTION_LIMITS.titleMax })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACTION_LIMITS.titleMax)
  title!: string;

  @ApiProperty({ type: [NewActionDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ACTION_LIMITS.actionsMax)
  @ValidateNested({ each: true })
  @Type(() => NewActionDto)
  actions!: NewActionDto[];
}

export class UpdateActionDto implements UpdateActionRequest {
  @ApiPropertyOptional({ enum: ACTION_STATUSES }) @Optional() @IsIn(ACTION_STATUSES) status?: ActionStatus;

  @ApiPropertyOptional({ maxLength: ACTION_LIMITS.whatMax })
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACTION_LIMITS.whatMax)
  what?: string;

  @ApiPropertyOptional() @Optional() @DueDate() dueDate?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() ownerId?: string;
}

export class AddNoteDto implements AddNoteRequest {
  @ApiProperty({ maxLength: ACTION_LIMITS.noteMax })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACTION_LIMITS.noteMax)
  body!: string;
}

export class ActionListQueryDto {
  @ApiPropertyOptional({ enum: ACTION_STATUSES }) @Optional() @IsIn(ACTION_STATUSES) status?: ActionStatus;
  @ApiPropertyOptional({
    description: "A team and every team below it (a department lists its teams' actions too)",
  })
  @Optional()
  @IsUUID()
  teamId?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(64) valueKey?: string;
}
