import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './config';

/** Provides the validated AppConfig; tests pass their own instance through `ConfigModule.with`. */
@Global()
@Module({})
export class ConfigModule {
  static with(config: AppConfig = loadConfig()) {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
