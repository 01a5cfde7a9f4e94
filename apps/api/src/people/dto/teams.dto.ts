import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional';
import { trim } from '../../common/transforms';
import type { CreateTeamRequest, SetTeamManagersRequest, UpdateTeamRequest } from '@wk/contracts';

export class CreateTeamDto implements CreateTeamRequest {
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(120) name!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
}

export class UpdateTeamDto implements UpdateTeamRequest {
  @ApiPropertyOptional() @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(120) name?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
}

export class SetTeamManagersDto implements SetTeamManagersRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  userIds!: string[];
}
