import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { APPRAISAL_LIMITS as L, FOLLOW_UP_STATUSES } from '@wk/contracts';
import type {
  AppraisalAgreement,
  CreateAppraisalCycleRequest,
  FollowUpStatus,
  ReassignReviewerRequest,
  ReopenAppraisalRequest,
  SaveAppraisalConversationRequest,
  SaveAppraisalReviewRequest,
  SaveFollowUpRequest,
  ShareRoundsRequest,
  SignAppraisalRequest,
} from '@wk/contracts';
import { LOCALES, SELF_LEVELS } from '@wk/domain';
import type { Locale, SelfLevel } from '@wk/domain';
import { Optional } from '../common/optional';
import { trim } from '../common/transforms';

const DATE = { strict: true, strictSeparator: true } as const;
const isDay = (field: string) => IsISO8601(DATE, { message: `${field} must be a date (YYYY-MM-DD)` });

export class CreateAppraisalCycleDto implements CreateAppraisalCycleRequest {
  @ApiProperty({ maxLength: L.nameMax })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.nameMax)
  name!: string;

  @ApiProperty({ example: '2026-01-01' }) @isDay('periodStart') periodStart!: string;
  @ApiProperty({ example: '2026-12-31' }) @isDay('periodEnd') periodEnd!: string;

  @ApiPropertyOptional({ type: [String], description: 'Empty or absent: the whole organisation' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  teamIds?: string[];

  @ApiProperty() @IsUUID() valuesVersionId!: string;
  @ApiProperty({ example: '2027-01-15' }) @isDay('selfReviewDue') selfReviewDue!: string;
  @ApiProperty({ example: '2027-01-31' }) @isDay('managerReviewDue') managerReviewDue!: string;
  @ApiProperty({ example: '2027-02-15' }) @isDay('conversationDue') conversationDue!: string;
  @ApiProperty({ example: '2027-02-28' }) @isDay('signOffDue') signOffDue!: string;

  @ApiPropertyOptional({ type: [String], description: 'Extra open questions, answered by both' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(L.questionsMax)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(L.questionMax, { each: true })
  questions?: string[];

  @ApiPropertyOptional({ default: true }) @Optional() @IsBoolean() agreementsSection?: boolean;
}

export class RatingDto {
  @ApiProperty() @IsUUID() behaviourId!: string;
  @ApiProperty({ enum: SELF_LEVELS, nullable: true, description: 'null is "n.v.t."' })
  @ValidateIf((_o, v) => v !== null)
  @IsIn(SELF_LEVELS, { message: 'level must be 1, 2, 3, 4 or null (n.v.t.)' })
  level!: SelfLevel | null;
}

export class CommentDto {
  @ApiProperty() @IsUUID() valueId!: string;
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(L.commentMax) text!: string;
}

export class AnswerDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(60) questionId!: string;
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(L.answerMax) text!: string;
}

export class SaveReviewDto implements SaveAppraisalReviewRequest {
  @ApiProperty() @IsInt() @Min(1) version!: number;

  @ApiProperty({ type: [RatingDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RatingDto)
  ratings!: RatingDto[];

  @ApiPropertyOptional({ type: [CommentDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CommentDto)
  comments?: CommentDto[];

  @ApiPropertyOptional({ type: [AnswerDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(L.questionsMax)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers?: AnswerDto[];

  @ApiPropertyOptional() @Optional() @IsBoolean() submit?: boolean;
}

export class AgreementDto implements AppraisalAgreement {
  @ApiProperty({ nullable: true }) @ValidateIf((_o, v) => v !== null) @IsUUID() valueId!: string | null;
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.agreementTextMax)
  what!: string;
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(L.agreementTextMax) support!: string;
  @ApiProperty({ nullable: true })
  @ValidateIf((_o, v) => v !== null)
  @isDay('dueDate')
  dueDate!: string | null;
}

export class SaveConversationDto implements SaveAppraisalConversationRequest {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ nullable: true })
  @Optional()
  @ValidateIf((_o, v) => v !== null)
  @isDay('meetingDate')
  meetingDate?: string | null;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(L.notesMax) sharedNotes?: string;
  @ApiPropertyOptional({ type: [AgreementDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(L.agreementsMax)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AgreementDto)
  agreements?: AgreementDto[];
}

export class SignDto implements SignAppraisalRequest {
  @ApiPropertyOptional({ description: "The employee's remark" })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(L.commentMax)
  remark?: string;
  @ApiPropertyOptional({ description: 'The employee notes disagreement' })
  @Optional()
  @IsBoolean()
  disagree?: boolean;
}

export class ShareRoundsDto implements ShareRoundsRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  roundIds!: string[];
}

export class ReassignDto implements ReassignReviewerRequest {
  @ApiProperty() @IsUUID() reviewerId!: string;
}

export class ReopenDto implements ReopenAppraisalRequest {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.reasonMax)
  reason!: string;
}

export class SaveFollowUpDto implements SaveFollowUpRequest {
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) @IsIn(FOLLOW_UP_STATUSES) status!: FollowUpStatus;
  @ApiPropertyOptional({ maxLength: L.followUpNoteMax })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(L.followUpNoteMax)
  note?: string;
}

export class LocaleQuery {
  @ApiPropertyOptional({ enum: LOCALES }) @Optional() @IsIn(LOCALES) locale?: Locale;
}

export class PerspectiveQuery {
  @ApiProperty({ example: 'betrouwbaar' }) @IsString() @IsNotEmpty() @MaxLength(60) valueKey!: string;
}
