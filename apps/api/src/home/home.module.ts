import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AppraisalsModule } from '../appraisals/appraisals.module';
import { AssessmentsModule } from '../assessments/assessments.module';
import { InsightsModule } from '../insights/insights.module';
import { PeopleModule } from '../people/people.module';
import { PlatformModule } from '../platform/platform.module';
import { HomeController } from './home.controller';
import { HomeRepository } from './home.repository';
import { HomeService } from './home.service';

/** The home page's next steps per role, read through the other modules' exported services. */
@Module({
  imports: [AssessmentsModule, AppraisalsModule, ActionsModule, InsightsModule, PeopleModule, PlatformModule],
  controllers: [HomeController],
  providers: [HomeRepository, HomeService],
})
export class HomeModule {}
