import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength, Validate } from 'class-validator';
import { LOCALES, SETTINGS_LIMITS } from '@wk/domain';
import { IanaTimeZone } from '../../common/validators';
import { Optional } from '../../common/optional';
import type { Locale } from '@wk/domain';
import type { UpdateOrganisationRequest } from '@wk/contracts';

const L = SETTINGS_LIMITS;

export class UpdateOrganisationDto implements UpdateOrganisationRequest {
  @ApiPropertyOptional() @Optional() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @ApiPropertyOptional({ enum: LOCALES }) @Optional() @IsIn(LOCALES) locale?: Locale;
  @ApiPropertyOptional({ example: 'Europe/Amsterdam' }) @Optional() @Validate(IanaTimeZone) timeZone?: string;
  @ApiPropertyOptional({ minimum: L.anonymityMinimum.min })
  @Optional()
  @IsInt()
  @Min(L.anonymityMinimum.min)
  @Max(L.anonymityMinimum.max)
  anonymityMinimum?: number;
  @ApiPropertyOptional({ minimum: L.commentMinimum.min })
  @Optional()
  @IsInt()
  @Min(L.commentMinimum.min)
  @Max(L.commentMinimum.max)
  commentMinimum?: number;
  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(L.contactQuarantineDays.min)
  @Max(L.contactQuarantineDays.max)
  contactQuarantineDays?: number;
  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(L.contactRetentionDays.min)
  @Max(L.contactRetentionDays.max)
  contactRetentionDays?: number;
  @ApiPropertyOptional({ minimum: L.reliabilityMinimum.min, maximum: L.reliabilityMinimum.max })
  @Optional()
  @IsInt()
  @Min(L.reliabilityMinimum.min)
  @Max(L.reliabilityMinimum.max)
  reliabilityMinimum?: number;
}
