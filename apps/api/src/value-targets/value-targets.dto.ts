import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';
import { VALUE_LIMITS } from '@wk/domain';
import type { SetValueTargetRequest } from '@wk/contracts';

export class SetValueTargetDto implements SetValueTargetRequest {
  @ApiProperty({ minimum: 1, maximum: 10, example: 8 })
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(VALUE_LIMITS.targetMin)
  @Max(VALUE_LIMITS.targetMax)
  targetGrade!: number;
}
