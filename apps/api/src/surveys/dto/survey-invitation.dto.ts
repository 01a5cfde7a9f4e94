import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsUUID, MaxLength } from 'class-validator';
import { LOCALES } from '@wk/domain';
import type { Locale } from '@wk/domain';
import type { CreateSurveyInvitationRequest } from '@wk/contracts';
import { Optional } from '../../common/optional';
import { trim } from '../../common/transforms';

/** The CRM's call after a touchpoint: who to ask, for which survey and context. */
export class CreateSurveyInvitationDto implements CreateSurveyInvitationRequest {
  @ApiProperty() @IsUUID() surveyId!: string;
  @ApiProperty({ example: 'klant@example.com' }) @Transform(trim) @IsEmail() @MaxLength(320) email!: string;
  @ApiPropertyOptional({ enum: LOCALES }) @Optional() @IsIn(LOCALES) locale?: Locale;
  @ApiPropertyOptional() @Optional() @IsUUID() segmentId?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() touchpointId?: string;
}
