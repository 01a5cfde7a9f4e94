import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { LOCALES } from '@wk/domain';
import { Optional } from '../../common/optional';
import { trim } from '../../common/transforms';
import type { Locale } from '@wk/domain';
import { ROLES, USER_STATUSES } from '@wk/contracts';
import type { CreatePersonRequest, Role, UpdatePersonRequest, UserStatus } from '@wk/contracts';
import { PaginationQuery } from '../../common/pagination.dto';

/** An optional employee number (null or empty clears it), trimmed; decorators listed bottom-up. */
const EmployeeNumber = () =>
  applyDecorators(
    MaxLength(40),
    IsString(),
    Transform(trim),
    IsOptional(),
    ApiPropertyOptional({ nullable: true }),
  );

export class CreatePersonDto implements CreatePersonRequest {
  @ApiProperty() @Transform(trim) @IsEmail() @MaxLength(320) email!: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(120) name!: string;
  @EmployeeNumber() employeeNumber?: string | null;
  @ApiPropertyOptional({ enum: ROLES }) @Optional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() teamId?: string | null;
  @ApiPropertyOptional({ enum: LOCALES, nullable: true }) @IsOptional() @IsIn(LOCALES) locale?: Locale | null;
  @ApiPropertyOptional({ default: true }) @Optional() @IsBoolean() invite?: boolean;
}

export class UpdatePersonDto implements UpdatePersonRequest {
  @ApiPropertyOptional() @Optional() @Transform(trim) @IsEmail() @MaxLength(320) email?: string;
  @ApiPropertyOptional() @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(120) name?: string;
  @EmployeeNumber() employeeNumber?: string | null;
  @ApiPropertyOptional({ enum: ROLES }) @Optional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() teamId?: string | null;
  @ApiPropertyOptional({ enum: LOCALES, nullable: true }) @IsOptional() @IsIn(LOCALES) locale?: Locale | null;
  @ApiPropertyOptional({ enum: ['active', 'deactivated'] })
  @Optional()
  @IsIn(['active', 'deactivated'])
  status?: 'active' | 'deactivated';
}

export class PeopleQuery extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Search in name, e-mail and employee number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ enum: USER_STATUSES }) @IsOptional() @IsIn(USER_STATUSES) status?: UserStatus;
}

export class UpdateMeDto {
  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;
  @ApiPropertyOptional({ enum: LOCALES }) @Optional() @IsIn(LOCALES) locale?: Locale;
}
