import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsNotEmpty,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  KEY_PATTERN,
  LOADING_AREAS,
  PYRAMID_LEVELS,
  VALUE_CHARGES,
  VALUE_LIMITS,
  VALUE_TIERS,
} from '@wk/domain';
import type {
  BehaviourDraft,
  LoadingArea,
  LoadingDraft,
  PyramidLevel,
  ValueCharge,
  ValueDraft,
  ValueSetContent,
  ValueTier,
} from '@wk/domain';
import { VALUE_TEMPLATE_FORMAT } from '@wk/contracts';
import type { ValueSetTemplate } from '@wk/contracts';
import { trim } from '../../common/transforms';

const KEY_MESSAGE = '$property must be lower-case letters and digits joined by single hyphens';
/** Empty strings and whitespace mean "use the default" for the optional texts. */
const blankToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

/** Present, possibly empty: English texts may be filled in later. */
const IsText = (max: number) => (target: object, property: string) => {
  Transform(trim)(target, property);
  IsString()(target, property);
  MaxLength(max)(target, property);
};
/** Present and not blank. */
const IsRequiredText = (max: number) => (target: object, property: string) => {
  IsText(max)(target, property);
  IsNotEmpty()(target, property);
};
/** `null` (or left out) or a string within limits. */
const IsNullableText = (max: number) => (target: object, property: string) => {
  Transform(blankToNull)(target, property);
  ValidateIf((_o, v) => v != null)(target, property);
  IsString()(target, property);
  MaxLength(max)(target, property);
};
const IsKey = () => (target: object, property: string) => {
  IsString()(target, property);
  Matches(KEY_PATTERN, { message: KEY_MESSAGE })(target, property);
  MaxLength(VALUE_LIMITS.keyLength)(target, property);
};

export class BehaviourDto implements BehaviourDraft {
  @ApiProperty({ example: 'betrouwbaar-2' }) @IsKey() key!: string;
  @ApiProperty({ nullable: true, description: 'Key of the published behaviour this one continues' })
  @ValidateIf((_o, v) => v != null)
  @IsKey()
  continuesKey!: string | null;
  @ApiProperty({ example: 'kom gemaakte afspraken na' })
  @IsRequiredText(VALUE_LIMITS.behaviourLength)
  textNl!: string;
  @ApiProperty({ example: 'keep the agreements I make' })
  @IsText(VALUE_LIMITS.behaviourLength)
  textEn!: string;
}

export class LoadingDto implements LoadingDraft {
  @ApiProperty({ enum: LOADING_AREAS }) @IsIn(LOADING_AREAS) area!: LoadingArea;
  @ApiProperty() @IsRequiredText(VALUE_LIMITS.loadingLength) textNl!: string;
  @ApiProperty() @IsText(VALUE_LIMITS.loadingLength) textEn!: string;
}

export class ValueDto implements ValueDraft {
  @ApiProperty({ example: 'betrouwbaar' }) @IsKey() key!: string;
  @ApiProperty({ example: 'Betrouwbaar' }) @IsRequiredText(VALUE_LIMITS.nameLength) nameNl!: string;
  @ApiProperty({ example: 'Reliable' }) @IsText(VALUE_LIMITS.nameLength) nameEn!: string;
  @ApiProperty() @IsText(VALUE_LIMITS.descriptionLength) descriptionNl!: string;
  @ApiProperty() @IsText(VALUE_LIMITS.descriptionLength) descriptionEn!: string;
  @ApiProperty({ enum: PYRAMID_LEVELS }) @IsIn(PYRAMID_LEVELS) level!: PyramidLevel;
  @ApiProperty({ enum: VALUE_TIERS }) @IsIn(VALUE_TIERS) tier!: ValueTier;
  @ApiProperty({ enum: VALUE_CHARGES }) @IsIn(VALUE_CHARGES) charge!: ValueCharge;
  @ApiProperty({ nullable: true, example: 'vakmanschap' })
  @IsNullableText(VALUE_LIMITS.themeLength)
  theme!: string | null;
  @ApiProperty({ minimum: 1, maximum: 10, example: 7.5 })
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(VALUE_LIMITS.targetMin)
  @Max(VALUE_LIMITS.targetMax)
  targetGrade!: number;
  @ApiProperty({ nullable: true, description: "Own recognition question; {waarde} is the value's name" })
  @IsNullableText(VALUE_LIMITS.questionLength)
  questionNl!: string | null;
  @ApiProperty({ nullable: true }) @IsNullableText(VALUE_LIMITS.questionLength) questionEn!: string | null;
  @ApiProperty({ type: [LoadingDto] })
  @IsArray()
  @ArrayMaxSize(VALUE_LIMITS.loadingsPerValue)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => LoadingDto)
  loadings!: LoadingDto[];
  @ApiProperty({ type: [BehaviourDto] })
  @IsArray()
  @ArrayMaxSize(VALUE_LIMITS.behavioursPerValue)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BehaviourDto)
  behaviours!: BehaviourDto[];
}

export class ValueSetContentDto implements ValueSetContent {
  @ApiProperty({ type: [ValueDto] })
  @IsArray()
  @ArrayMaxSize(VALUE_LIMITS.valuesPerSet)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ValueDto)
  values!: ValueDto[];
}

export class ValueSetTemplateDto extends ValueSetContentDto implements ValueSetTemplate {
  @ApiProperty({ enum: [VALUE_TEMPLATE_FORMAT] })
  @IsIn([VALUE_TEMPLATE_FORMAT])
  format!: typeof VALUE_TEMPLATE_FORMAT;
  @ApiProperty() @IsRequiredText(120) name!: string;
  @ApiProperty() @IsText(1000) description!: string;
}
