import { Module } from '@nestjs/common';
import { CustomerContextService } from './customer-context.service';
import { JourneysController } from './journeys.controller';
import { JourneysRepository } from './journeys.repository';
import { JourneysService } from './journeys.service';
import { SegmentsController } from './segments.controller';
import { SegmentsRepository } from './segments.repository';
import { SegmentsService } from './segments.service';

/** Customer context: segments (profiles, personas), journeys with ordered touchpoints, serving teams. */
@Module({
  controllers: [SegmentsController, JourneysController],
  providers: [
    SegmentsRepository,
    SegmentsService,
    JourneysRepository,
    JourneysService,
    CustomerContextService,
  ],
  exports: [CustomerContextService],
})
export class CustomersModule {}
