import { Module } from '@nestjs/common';
import { AppraisalsModule } from '../appraisals/appraisals.module';
import { AuthModule } from '../auth/auth.module';
import { InsightsModule } from '../insights/insights.module';
import { ValuesModule } from '../values/values.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [AppraisalsModule, AuthModule, InsightsModule, ValuesModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
