import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LoadingArea, PyramidLevel, ValueCharge, ValueTier } from '@wk/domain';
import type { ValueVersionStatus } from '@wk/contracts';

/** numeric comes back from pg as a string; grades are small decimals, safe as numbers. */
const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('value_set_versions')
export class ValueSetVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column('int') number!: number;
  @Column({ type: 'varchar' }) status!: ValueVersionStatus;
  @Column({ name: 'based_on_id', type: 'uuid', nullable: true }) basedOnId!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'published_by', type: 'uuid', nullable: true }) publishedBy!: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('experience_values')
export class ExperienceValueEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId!: string;
  @Column() key!: string;
  @Column('int') position!: number;
  @Column({ name: 'name_nl' }) nameNl!: string;
  @Column({ name: 'name_en' }) nameEn!: string;
  @Column({ name: 'description_nl' }) descriptionNl!: string;
  @Column({ name: 'description_en' }) descriptionEn!: string;
  @Column({ type: 'varchar' }) level!: PyramidLevel;
  @Column({ type: 'varchar' }) tier!: ValueTier;
  @Column({ type: 'varchar' }) charge!: ValueCharge;
  @Column({ type: 'varchar', nullable: true }) theme!: string | null;
  @Column({ name: 'target_grade', type: 'numeric', transformer: numeric }) targetGrade!: number;
  @Column({ name: 'question_nl', type: 'varchar', nullable: true }) questionNl!: string | null;
  @Column({ name: 'question_en', type: 'varchar', nullable: true }) questionEn!: string | null;
}

@Entity('value_loadings')
export class ValueLoadingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId!: string;
  @Column({ name: 'value_id', type: 'uuid' }) valueId!: string;
  @Column({ type: 'varchar' }) area!: LoadingArea;
  @Column('int') position!: number;
  @Column({ name: 'text_nl' }) textNl!: string;
  @Column({ name: 'text_en' }) textEn!: string;
}

@Entity('value_behaviours')
export class ValueBehaviourEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId!: string;
  @Column({ name: 'value_id', type: 'uuid' }) valueId!: string;
  @Column() key!: string;
  @Column({ name: 'continues_key', type: 'varchar', nullable: true }) continuesKey!: string | null;
  @Column('int') position!: number;
  @Column({ name: 'text_nl' }) textNl!: string;
  @Column({ name: 'text_en' }) textEn!: string;
}

export const VALUE_ENTITIES = [
  ValueSetVersionEntity,
  ExperienceValueEntity,
  ValueLoadingEntity,
  ValueBehaviourEntity,
];
