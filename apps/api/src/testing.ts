/** What black-box and end-to-end tests need to boot the real api and worker in-process. */
export { createApi, createWorker, openApiDocument, rebuildKpis } from './app/bootstrap';
export { drainOnSignals } from './app/api-processes';
export { AppConfig, loadConfig } from './config/config';
export { prepareDatabase } from './database/prepare-database';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_ORGANISATION } from './demo/demo-data';
export { DemoSeedService } from './demo/demo-seed.service';
export { PasswordService } from './auth/password.service';
export { migrations } from './database/migrations';
export { VIDOMES_TEMPLATE } from './values/templates';
export { RoundsService } from './assessments/rounds.service';
export { WavesService } from './surveys/waves/waves.service';
export { KpiRollupsService } from './insights/kpi-rollups.service';
export { WebhookEvents } from './webhooks/webhook-events.service';
export { OperatorAuthService } from './auth/operator-auth.service';
export { SetupService } from './platform/setup.service';
export { ActionsService } from './actions/actions.service';
export { AppraisalCyclesService } from './appraisals/appraisal-cycles.service';
export { CustomerContextService } from './customers/customer-context.service';
export { createValidationPipe } from './common/validation';
export { SubmitRecognitionDto } from './surveys/dto/respond.dto';
export { RespondRepository, STORE_RESPONSE_SQL } from './surveys/respond/respond.repository';
export {
  readClosedRounds,
  readCustomer,
  readParticipation,
  readTeamCells,
  type TeamGrouping,
} from './insights/kpi-queries';
export { anyText, pdfToText, scriptText, scriptWord, SCRIPT_LETTERS } from './common/pdf-text-fixture';
