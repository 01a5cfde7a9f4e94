import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { InsightsModule } from '../insights/insights.module';
import { InfrastructureModule } from './infrastructure.module';

/** Just enough to run the KPI rollup rebuild from the command line: no HTTP, no processors. */
@Module({})
export class KpiToolsModule {
  static with(config: AppConfig): DynamicModule {
    return { module: KpiToolsModule, imports: [InfrastructureModule.with(config), InsightsModule] };
  }
}
