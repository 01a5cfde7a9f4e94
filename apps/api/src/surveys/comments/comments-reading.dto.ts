import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { CALENDAR_PERIOD_KINDS, isPeriodKey } from '@wk/domain';
import type { CalendarPeriodKind } from '@wk/domain';
import type { CommentsQuery } from '@wk/contracts';
import { Optional } from '../../common/optional';
import { trim } from '../../common/transforms';

export const COMMENTS_PAGE = { default: 20, max: 100, searchLength: 200 } as const;

@ValidatorConstraint({ name: 'periodKey' })
class CalendarKey implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments) {
    const kind = (args.object as { period?: CalendarPeriodKind }).period;
    return (
      typeof value === 'string' && !!kind && CALENDAR_PERIOD_KINDS.includes(kind) && isPeriodKey(kind, value)
    );
  }
  defaultMessage() {
    return 'at must be a month such as 2026-11 (period=month) or a quarter such as 2026-Q4 (period=quarter)';
  }
}

/** `GET /api/comments`: filters, a search and a keyset page. */
export class CommentsQueryDto implements CommentsQuery {
  @ApiPropertyOptional() @Optional() @IsUUID() surveyId?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() journeyId?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() touchpointId?: string;

  @ApiPropertyOptional({ description: 'Only answers that graded this value (not "weet ik niet")' })
  @Optional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(64)
  valueKey?: string;

  @ApiPropertyOptional({ enum: CALENDAR_PERIOD_KINDS, description: 'With `at`: one month or quarter' })
  @ValidateIf((o: CommentsQueryDto) => o.period !== undefined || o.at !== undefined)
  @IsIn(CALENDAR_PERIOD_KINDS, { message: 'period must be month or quarter (required with at)' })
  period?: CalendarPeriodKind;

  @ApiPropertyOptional({ example: '2026-Q4' })
  @ValidateIf((o: CommentsQueryDto) => o.period !== undefined || o.at !== undefined)
  @Validate(CalendarKey)
  at?: string;

  @ApiPropertyOptional({ maxLength: COMMENTS_PAGE.searchLength, description: 'Words the comment contains' })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(COMMENTS_PAGE.searchLength)
  q?: string;

  @ApiPropertyOptional({ description: "The previous page's nextCursor" })
  @Optional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be a nextCursor of this list' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: COMMENTS_PAGE.max, default: COMMENTS_PAGE.default })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(COMMENTS_PAGE.max)
  limit?: number;
}
