import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { SURVEY_LIMITS } from '@wk/domain';
import type { WaveYouSaidRequest } from '@wk/contracts';
import { trim } from '../../common/transforms';

/** "You said, we did": one optional line per language, shown to customers above the questions. */
export class WaveYouSaidDto implements WaveYouSaidRequest {
  @ApiPropertyOptional({
    nullable: true,
    maxLength: SURVEY_LIMITS.youSaidLength,
    example: 'U vroeg om snellere reparaties: we plannen nu binnen 3 dagen.',
    description: 'Dutch line; empty or null: no line',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(SURVEY_LIMITS.youSaidLength)
  youSaidNl?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    maxLength: SURVEY_LIMITS.youSaidLength,
    example: 'You asked for faster repairs: we now plan them within 3 days.',
    description: 'English line; empty or null: the Dutch line shows to English customers',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(SURVEY_LIMITS.youSaidLength)
  youSaidEn?: string | null;
}
