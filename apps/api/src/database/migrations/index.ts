import { Foundation1763856000000 } from './1763856000000-foundation';
import { Values1763942400000 } from './1763942400000-values';
import { Assessments1764028800000 } from './1764028800000-assessments';
import { AssessmentExamples1764115200000 } from './1764115200000-assessment-examples';
import { Surveys1764201600000 } from './1764201600000-surveys';
import { Insights1764288000000 } from './1764288000000-insights';
import { DeletePaths1764374400000 } from './1764374400000-delete-paths';
import { CustomerRollups1764460800000 } from './1764460800000-customer-rollups';
import { WaveRollups1764547200000 } from './1764547200000-wave-rollups';
import { OperatorsAndEmailChange1764640000000 } from './1764640000000-operators-and-email-change';
import { ImportJobs1764650000000 } from './1764650000000-import-jobs';
import { OneOpenRound1764720000000 } from './1764720000000-one-open-round';
import { Sso1764800000000 } from './1764800000000-sso';
import { Scim1764810000000 } from './1764810000000-scim';
import { Webhooks1764820000000 } from './1764820000000-webhooks';
import { EverydayGaps1764830000000 } from './1764830000000-everyday-gaps';
import { OrganisationStatusAndSetup1764840000000 } from './1764840000000-organisation-status-and-setup';
import { SsoAcceptUnverifiedEmail1764850500000 } from './1764850500000-sso-accept-unverified-email';
import { AnonymityCustomers1764910000000 } from './1764910000000-anonymity-customers';
import { Appraisals1764920000000 } from './1764920000000-appraisals';
import { Actions1764930000000 } from './1764930000000-actions';
import { ReliabilityMinimum1764940000000 } from './1764940000000-reliability-minimum';
import { AppraisalManagerSubmittedBy1764960000000 } from './1764960000000-appraisal-manager-submitted-by';
import { EnglishNamesAndYouSaid1764970000000 } from './1764970000000-english-names-and-you-said';
import { AppraisalAgreementFollowUps1764990000000 } from './1764990000000-appraisal-agreement-follow-ups';
import { KpiPendingResponses1765030000000 } from './1765030000000-kpi-pending-responses';
import { SetupTokens1765100000000 } from './1765100000000-setup-tokens';

/** Every migration, in order. Hand-reviewed SQL; `synchronize` is never used. */
export const migrations = [
  Foundation1763856000000,
  Values1763942400000,
  Assessments1764028800000,
  AssessmentExamples1764115200000,
  Surveys1764201600000,
  Insights1764288000000,
  DeletePaths1764374400000,
  CustomerRollups1764460800000,
  WaveRollups1764547200000,
  OperatorsAndEmailChange1764640000000,
  ImportJobs1764650000000,
  OneOpenRound1764720000000,
  Sso1764800000000,
  Scim1764810000000,
  Webhooks1764820000000,
  EverydayGaps1764830000000,
  OrganisationStatusAndSetup1764840000000,
  SsoAcceptUnverifiedEmail1764850500000,
  AnonymityCustomers1764910000000,
  Appraisals1764920000000,
  Actions1764930000000,
  ReliabilityMinimum1764940000000,
  AppraisalManagerSubmittedBy1764960000000,
  EnglishNamesAndYouSaid1764970000000,
  AppraisalAgreementFollowUps1764990000000,
  KpiPendingResponses1765030000000,
  SetupTokens1765100000000,
];
