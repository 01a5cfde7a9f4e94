import { INestApplication, INestApplicationContext, LogLevel, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { HttpErrorFilter } from '../common/http-error.filter';
import { compressReads, noStore, sameOriginWrites } from '../common/http-policies';
import { answerBodyErrors, rejectUnsafeInput } from '../common/input-safety';
import { SESSION_COOKIE } from '../auth/session.service';
import { OPERATOR_COOKIE } from '../auth/operator-auth.service';
import { createValidationPipe } from '../common/validation';
import { AppConfig, loadConfig } from '../config/config';
import { prepareDatabase } from '../database/prepare-database';
import { AppModule } from './app.module';
import { mountQueueBoard } from '../jobs/queue-board';
import { WorkerModule } from './worker.module';
import { KpiToolsModule } from './kpi-tools.module';
import { KpiRollupsService } from '../insights/kpi-rollups.service';
import { JSON_MEDIA_TYPES, SCIM_HTTP } from '../scim/scim-http';
import { mountPublicPages, mountWebAssets } from '../web/web-serving';

const logLevels = (config: AppConfig): LogLevel[] =>
  config.NODE_ENV === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'];

/** Builds the HTTP api (database prepared, migrations run) without listening yet. */
export async function createApi(config: AppConfig = loadConfig()): Promise<INestApplication> {
  await prepareDatabase(config.DATABASE_URL);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config), {
    logger: logLevels(config),
    bodyParser: false,
  });
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(
    helmet({
      contentSecurityPolicy: {
        // upgrade-insecure-requests would break plain-http localhost use outside production.
        directives: {
          'img-src': ["'self'", 'data:', 'blob:'],
          'upgrade-insecure-requests': config.isProduction ? [] : null,
        },
      },
    }),
  );
  app.use(cookieParser());
  mountWebAssets(app, config);
  mountPublicPages(app, config);
  // Before the body parsers, so that their refusals get these headers and the origin check.
  app.use(
    '/api',
    noStore,
    compressReads,
    sameOriginWrites(config.publicUrl, [SESSION_COOKIE, OPERATOR_COOKIE]),
  );
  app.useBodyParser('json', { limit: '1mb', type: JSON_MEDIA_TYPES });
  app.useBodyParser('urlencoded', { extended: false, limit: '100kb' });
  app.use(SCIM_HTTP.path, ...SCIM_HTTP.handlers);
  app.use(answerBodyErrors, rejectUnsafeInput);
  // SCIM clients are given /scim/v2 (RFC 7644's usual base); everything else lives under /api.
  app.setGlobalPrefix('api', { exclude: [{ path: 'scim/v2/{*path}', method: RequestMethod.ALL }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  // No Nest signal hooks here: main.ts drains requests before closing (drainOnSignals, api-processes.ts).
  mountQueueBoard(app);
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('Waardenkompas API')
    .setDescription('Experience values, self-assessments, customer recognition and outside-in KPIs.')
    .setVersion('1')
    .addCookieAuth('wk_session')
    .build();
  return SwaggerModule.createDocument(app, info);
}

/** Builds the worker: processors and schedulers over the same modules, no HTTP. */
export async function createWorker(config: AppConfig = loadConfig()): Promise<INestApplicationContext> {
  await prepareDatabase(config.DATABASE_URL);
  const worker = await NestFactory.createApplicationContext(WorkerModule.with(config), {
    logger: logLevels(config),
  });
  worker.enableShutdownHooks();
  return worker;
}

/** Recomputes every KPI rollup from the raw answers (the rebuild command), without starting processors. */
export async function rebuildKpis(
  config: AppConfig = loadConfig(),
): Promise<{ rounds: number; months: number }> {
  await prepareDatabase(config.DATABASE_URL);
  const context = await NestFactory.createApplicationContext(KpiToolsModule.with(config), {
    logger: logLevels(config),
  });
  try {
    return await context.get(KpiRollupsService).rebuild();
  } finally {
    await context.close();
  }
}
