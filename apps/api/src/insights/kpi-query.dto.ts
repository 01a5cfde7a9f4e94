import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  IsIn,
  IsUUID,
  Matches,
  Validate,
  ValidateIf,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  isUUID,
} from 'class-validator';
import { CALENDAR_PERIOD_KINDS, PERIOD_KINDS, isPeriodKey } from '@wk/domain';
import { BREAKDOWNS } from '@wk/contracts';
import type { BreakdownKind, CalendarPeriodKind, KpiQuery, PeriodKind } from '@wk/contracts';
import { Optional } from '../common/optional';

const EXAMPLE: Record<PeriodKind, string> = {
  month: 'month such as 2026-11',
  quarter: 'quarter such as 2026-Q4',
  round: 'round id',
  wave: 'wave id',
};

/** A period key of the kind asked for: 2026-11 (month), 2026-Q4 (quarter), or the id of a round or wave. */
@ValidatorConstraint({ name: 'periodKey' })
class PeriodKey implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments) {
    const kind = (args.object as { period?: PeriodKind }).period;
    if (typeof value !== 'string' || !kind || !PERIOD_KINDS.includes(kind)) return false;
    return kind === 'month' || kind === 'quarter' ? isPeriodKey(kind, value) : isUUID(value);
  }
  defaultMessage(args: ValidationArguments) {
    const kind = (args.object as { period?: PeriodKind }).period;
    return `${args.property} must be a ${EXAMPLE[kind ?? 'quarter'] ?? EXAMPLE.quarter}`;
  }
}

/** Team and value filters, shared by every insights query. */
class ScopeFilterDto {
  @ApiPropertyOptional() @Optional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @Optional() @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/) valueKey?: string;
}

/** A range of periods: calendar months or quarters, or rounds (of a cycle) or waves (of a survey). */
export class PeriodQueryDto extends ScopeFilterDto {
  @ApiProperty({ enum: PERIOD_KINDS }) @IsIn(PERIOD_KINDS) period!: PeriodKind;

  @ApiPropertyOptional({
    example: '2026-Q1',
    description: 'First period: a month, quarter, round id or wave id',
  })
  @Optional()
  @Validate(PeriodKey)
  from?: string;

  @ApiPropertyOptional({ example: '2026-Q4', description: 'Last period (inclusive)' })
  @Optional()
  @Validate(PeriodKey)
  to?: string;

  @ApiPropertyOptional({ description: 'period=round: rounds of this cycle only' })
  @Optional()
  @IsUUID()
  cycleId?: string;

  @ApiPropertyOptional({ description: 'Customer answers of this survey only; required for period=wave' })
  @ValidateIf((o: PeriodQueryDto) => o.period === 'wave' || o.surveyId !== undefined)
  @IsUUID(undefined, { message: 'surveyId must be the id of a survey (required for period=wave)' })
  surveyId?: string;
}

export class KpiQueryDto extends PeriodQueryDto implements KpiQuery {
  @ApiPropertyOptional({ enum: BREAKDOWNS, default: 'organisation' })
  @Optional()
  @IsIn(BREAKDOWNS)
  breakdown?: BreakdownKind;
  @ApiPropertyOptional() @Optional() @IsUUID() segmentId?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() journeyId?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() touchpointId?: string;
}

/** One calendar period (heart monitor, board report). */
export class AtQueryDto extends ScopeFilterDto {
  @ApiProperty({ enum: CALENDAR_PERIOD_KINDS })
  @IsIn(CALENDAR_PERIOD_KINDS)
  period!: CalendarPeriodKind;

  @ApiPropertyOptional({ example: '2026-Q3', description: 'One period; default: the latest' })
  @Optional()
  @Validate(PeriodKey)
  at?: string;
}

/**
 * The heart monitor: one calendar period of a journey. Journeys are not per team and pool every
 * value, so team and value filters are refused (400) rather than silently ignored.
 */
export class JourneyAtQueryDto extends OmitType(AtQueryDto, ['teamId', 'valueKey'] as const) {}

/** `GET /api/insights/periods`: the rounds or waves the period picker offers. */
export class PeriodChoicesQueryDto {
  @ApiProperty({ enum: ['round', 'wave'] }) @IsIn(['round', 'wave']) period!: 'round' | 'wave';
  @ApiPropertyOptional({ description: 'Rounds of this cycle / waves of this survey only' })
  @Optional()
  @IsUUID()
  seriesId?: string;
}

/** `GET /api/insights/teams/:id/periods`: which kind of period the team view's picker offers. */
export class TeamPeriodsQueryDto {
  @ApiProperty({ enum: PERIOD_KINDS }) @IsIn(PERIOD_KINDS) period!: PeriodKind;
}
