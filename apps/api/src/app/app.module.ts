import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AuthModule } from '../auth/auth.module';
import { AppConfig } from '../config/config';
import { DemoModule } from '../demo/demo.module';
import { HealthModule } from '../health/health.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PeopleModule } from '../people/people.module';
import { ValuesModule } from '../values/values.module';
import { ValueTargetsModule } from '../value-targets/value-targets.module';
import { AssessmentsModule } from '../assessments/assessments.module';
import { CustomersModule } from '../customers/customers.module';
import { SurveysModule } from '../surveys/surveys.module';
import { InsightsModule } from '../insights/insights.module';
import { AppraisalsModule } from '../appraisals/appraisals.module';
import { InfrastructureModule } from './infrastructure.module';
import { JobsModule } from '../jobs/jobs.module';
import { ScimModule } from '../scim/scim.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { SsoModule } from '../sso/sso.module';
import { PlatformModule } from '../platform/platform.module';
import { ActionsModule } from '../actions/actions.module';
import { HomeModule } from '../home/home.module';
import { ASSETS_PATH, revalidate, webDistOf } from '../web/web-serving';

/** The HTTP api; it also serves the built web app when WEB_DIST points at it. */
@Module({})
export class AppModule {
  static with(config: AppConfig): DynamicModule {
    const webDist = webDistOf(config);
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.with(config),
        AuthModule,
        OrganisationsModule,
        PeopleModule,
        ValuesModule,
        ValueTargetsModule,
        AssessmentsModule,
        CustomersModule,
        SurveysModule,
        InsightsModule,
        NotificationsModule,
        JobsModule,
        ScimModule,
        WebhooksModule,
        AppraisalsModule,
        SsoModule,
        PlatformModule,
        ActionsModule,
        HomeModule,
        DemoModule,
        HealthModule,
        ...(webDist
          ? [
              // /assets is served compressed and cached for good by mountWebAssets; the rest here.
              ServeStaticModule.forRoot({
                rootPath: webDist,
                exclude: ['/api/{*path}', '/scim/{*path}', `${ASSETS_PATH}/{*path}`],
                serveStaticOptions: { cacheControl: false, setHeaders: revalidate },
              }),
            ]
          : []),
      ],
    };
  }
}
