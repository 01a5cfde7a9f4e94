import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InsightsModule } from '../insights/insights.module';
import { ValuesModule } from '../values/values.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [AuthModule, InsightsModule, ValuesModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
