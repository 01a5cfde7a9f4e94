import { Module } from '@nestjs/common';
import { ValueTargetsController } from './value-targets.controller';
import { ValueTargetsRepository } from './value-targets.repository';
import { ValueTargetsService } from './value-targets.service';

/** Targets per value key with history (value_targets), changed without republishing the values. */
@Module({
  controllers: [ValueTargetsController],
  providers: [ValueTargetsRepository, ValueTargetsService],
})
export class ValueTargetsModule {}
