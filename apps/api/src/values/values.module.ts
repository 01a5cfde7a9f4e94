import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VALUE_ENTITIES } from './value.entities';
import { ValuesController } from './values.controller';
import { ValueDraftsService } from './value-drafts.service';
import { ValuesRepository } from './values.repository';
import { ValuesService } from './values.service';

/** The values house: versioned value sets with their loadings and behaviours, and templates. */
@Module({
  imports: [TypeOrmModule.forFeature(VALUE_ENTITIES)],
  controllers: [ValuesController],
  providers: [ValuesRepository, ValueDraftsService, ValuesService],
  exports: [ValuesService],
})
export class ValuesModule {}
