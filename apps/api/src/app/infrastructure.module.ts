import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/config';
import { ConfigModule } from '../config/config.module';
import { RedisModule } from '../redis/redis.module';

/** Config, PostgreSQL, Redis and BullMQ: what both the api and the worker stand on. */
@Module({})
export class InfrastructureModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [
        ConfigModule.with(config),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.DATABASE_URL,
          autoLoadEntities: true,
          // Schema changes only through reviewed migrations, run at start under a lock.
          synchronize: false,
          migrationsRun: false,
          extra: { max: 20 },
        }),
        BullModule.forRoot({ connection: { url: config.REDIS_URL }, prefix: config.QUEUE_PREFIX }),
        RedisModule,
      ],
      exports: [ConfigModule],
    };
  }
}
