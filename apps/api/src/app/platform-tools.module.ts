import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { PlatformModule } from '../platform/platform.module';
import { InfrastructureModule } from './infrastructure.module';

/** Just enough for the platform's command line (operators, organisations): no HTTP, no processors. */
@Module({})
export class PlatformToolsModule {
  static with(config: AppConfig): DynamicModule {
    return { module: PlatformToolsModule, imports: [InfrastructureModule.with(config), PlatformModule] };
  }
}
