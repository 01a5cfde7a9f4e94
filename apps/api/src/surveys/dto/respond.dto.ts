import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LOCALES, NPS_MAX, NPS_MIN, RECOGNITION_MAX, RECOGNITION_MIN, SURVEY_LIMITS } from '@wk/domain';
import type { Locale } from '@wk/domain';
import type { RecognitionGradeAnswer, SubmitRecognitionRequest } from '@wk/contracts';
import { Optional } from '../../common/optional';
import { trim } from '../../common/transforms';

const NullableNumber = () => ValidateIf((_o, v) => v !== undefined && v !== null);

export class GradeDto implements RecognitionGradeAnswer {
  @ApiProperty() @IsUUID() valueId!: string;
  @ApiProperty({
    minimum: RECOGNITION_MIN,
    maximum: RECOGNITION_MAX,
    nullable: true,
    description: 'null: weet ik niet',
  })
  @NullableNumber()
  @IsInt()
  @Min(RECOGNITION_MIN)
  @Max(RECOGNITION_MAX)
  grade!: number | null;
}

export class SubmitRecognitionDto implements SubmitRecognitionRequest {
  @ApiProperty({ type: [GradeDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'answer at least one question' })
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => GradeDto)
  grades!: GradeDto[];

  @ApiPropertyOptional({ minimum: RECOGNITION_MIN, maximum: RECOGNITION_MAX, nullable: true })
  @NullableNumber()
  @IsInt()
  @Min(RECOGNITION_MIN)
  @Max(RECOGNITION_MAX)
  overallGrade?: number | null;

  @ApiPropertyOptional({ minimum: NPS_MIN, maximum: NPS_MAX, nullable: true })
  @NullableNumber()
  @IsInt()
  @Min(NPS_MIN)
  @Max(NPS_MAX)
  nps?: number | null;

  @ApiPropertyOptional({ maxLength: SURVEY_LIMITS.commentLength })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(SURVEY_LIMITS.commentLength)
  comment?: string;

  @ApiPropertyOptional({ enum: LOCALES }) @Optional() @IsIn(LOCALES) locale?: Locale;
}
