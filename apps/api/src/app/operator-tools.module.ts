import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { AuthModule } from '../auth/auth.module';
import { InfrastructureModule } from './infrastructure.module';

/** Just enough to manage platform operators from the command line: no HTTP, no processors. */
@Module({})
export class OperatorToolsModule {
  static with(config: AppConfig): DynamicModule {
    return { module: OperatorToolsModule, imports: [InfrastructureModule.with(config), AuthModule] };
  }
}
