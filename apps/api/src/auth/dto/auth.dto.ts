import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@wk/contracts';
import type {
  ConfirmEmailRequest,
  LoginRequest,
  PasswordResetRequest,
  SetPasswordRequest,
} from '@wk/contracts';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'hr@demo.test' }) @IsEmail() @MaxLength(320) email!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX_LENGTH) password!: string;
  @ApiPropertyOptional({ description: 'Organisation slug, when the e-mail has accounts in several' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  organisation?: string;
}

export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty() @IsEmail() @MaxLength(320) email!: string;
}

export class SetPasswordDto implements SetPasswordRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) token!: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ConfirmEmailDto implements ConfirmEmailRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) token!: string;
}
