import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsUUID,
  Matches,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { isPeriodKey } from '@wk/domain';
import { BREAKDOWNS } from '@wk/contracts';
import type { BreakdownKind, KpiQuery, PeriodKind } from '@wk/contracts';
import { Optional } from '../common/optional';

/** A period key of the kind asked for: a month (2026-11) for `month`, a quarter (2026-Q4) for `quarter`. */
@ValidatorConstraint({ name: 'periodKey' })
class PeriodKey implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments) {
    const kind = (args.object as { period?: string }).period;
    return typeof value === 'string' && (kind === 'month' || kind === 'quarter') && isPeriodKey(kind, value);
  }
  defaultMessage(args: ValidationArguments) {
    return `${args.property} must be a ${(args.object as { period?: string }).period === 'month' ? 'month such as 2026-11' : 'quarter such as 2026-Q4'}`;
  }
}

export class PeriodQueryDto {
  @ApiProperty({ enum: ['month', 'quarter'] }) @IsIn(['month', 'quarter']) period!: PeriodKind;

  @ApiPropertyOptional({ example: '2026-Q1' })
  @Optional()
  @Validate(PeriodKey)
  from?: string;

  @ApiPropertyOptional({ example: '2026-Q4' })
  @Optional()
  @Validate(PeriodKey)
  to?: string;

  @ApiPropertyOptional() @Optional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @Optional() @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/) valueKey?: string;
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

export class AtQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ example: '2026-Q3', description: 'One period; default: the latest' })
  @Optional()
  @Validate(PeriodKey)
  at?: string;
}
