import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  Validate,
  ValidateNested,
} from 'class-validator';
import { ORGANISATION_STATUSES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@wk/contracts';
import type {
  CreateOrganisationRequest,
  InviteAdminRequest,
  OrganisationStatus,
  SetupRequest,
  UpdateOrganisationStatusRequest,
} from '@wk/contracts';
import { LOCALES } from '@wk/domain';
import type { Locale } from '@wk/domain';
import { Optional } from '../../common/optional';
import { trim } from '../../common/transforms';
import { IanaTimeZone } from '../../common/validators';

export class AdminPersonDto implements InviteAdminRequest {
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(120) name!: string;
  @ApiProperty() @Transform(trim) @IsEmail() @MaxLength(320) email!: string;
}

export class CreateOrganisationDto implements CreateOrganisationRequest {
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(120) name!: string;
  @ApiPropertyOptional({
    description: 'Lowercase letters, digits and hyphens; made from the name when left out',
  })
  @Optional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'slug must be lowercase letters, digits and single hyphens',
  })
  @MaxLength(60)
  slug?: string;
  @ApiPropertyOptional({ enum: LOCALES }) @Optional() @IsIn(LOCALES) locale?: Locale;
  @ApiPropertyOptional({ example: 'Europe/Amsterdam' }) @Optional() @Validate(IanaTimeZone) timeZone?: string;
  @ApiPropertyOptional({ type: AdminPersonDto, description: 'Invited by mail to choose a password' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => AdminPersonDto)
  admin?: AdminPersonDto;
}

export class UpdateOrganisationStatusDto implements UpdateOrganisationStatusRequest {
  @ApiProperty({ enum: ORGANISATION_STATUSES }) @IsIn(ORGANISATION_STATUSES) status!: OrganisationStatus;
}

export class DeleteOrganisationQuery {
  @ApiProperty({ description: "The organisation's address name (slug), typed to confirm" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  confirm!: string;
}

class SetupOrganisationDto {
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(120) name!: string;
  @ApiProperty({ enum: LOCALES }) @IsIn(LOCALES) locale!: Locale;
  @ApiProperty({ example: 'Europe/Amsterdam' }) @Validate(IanaTimeZone) timeZone!: string;
}

class SetupAdminDto {
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(120) name!: string;
  @ApiProperty() @Transform(trim) @IsEmail() @MaxLength(320) email!: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class SetupDto implements SetupRequest {
  @ApiProperty({ description: 'The one-time setup token from the server log' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
  @ApiProperty({ type: SetupOrganisationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SetupOrganisationDto)
  organisation!: SetupOrganisationDto;
  @ApiProperty({ type: SetupAdminDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SetupAdminDto)
  admin!: SetupAdminDto;
}
