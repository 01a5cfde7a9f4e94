import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from '../api/client';
import { Page } from '../components/page';
import { EmptyState, Loading } from '../components/states';
import { ForgotPasswordPage } from '../features/auth/forgot-password-page';
import { RequirePermission, RequireSession } from '../features/auth/guards';
import { LoginPage } from '../features/auth/login-page';
import { SetPasswordPage } from '../features/auth/set-password-page';
import { HomePage } from '../features/home/home-page';
import { ImportPage } from '../features/import/import-page';
import { OrganisationPage } from '../features/organisation/organisation-page';
import { OutboxPage } from '../features/outbox/outbox-page';
import { JobsPage } from '../features/jobs/jobs-page';
import { OperatorPage } from '../features/operator/operator-page';
import { SetupPage } from '../features/setup/setup-page';
import { ConfirmEmailPage } from '../features/auth/confirm-email-page';
import { PeoplePage } from '../features/people/people-page';
import { TeamsPage } from '../features/teams/teams-page';
import { Shell } from './app-shell';

// The values pages load on first visit: most sessions never open the editor.
const ValuesHousePage = lazy(() =>
  import('../features/values/values-house-page').then((m) => ({ default: m.ValuesHousePage })),
);
const BookletPage = lazy(() =>
  import('../features/values/booklet-page').then((m) => ({ default: m.BookletPage })),
);
const PreviewPage = lazy(() =>
  import('../features/values/preview-page').then((m) => ({ default: m.PreviewPage })),
);
const ValuesEditorPage = lazy(() =>
  import('../features/values/values-editor-page').then((m) => ({ default: m.ValuesEditorPage })),
);
const SelfAssessmentPage = lazy(() =>
  import('../features/self-assessment/self-assessment-page').then((m) => ({ default: m.SelfAssessmentPage })),
);
const CyclesPage = lazy(() =>
  import('../features/cycles/cycles-page').then((m) => ({ default: m.CyclesPage })),
);
const MyAssessmentsPage = lazy(() =>
  import('../features/my-assessments/my-assessments-page').then((m) => ({ default: m.MyAssessmentsPage })),
);
const CustomersPage = lazy(() =>
  import('../features/customers/customers-page').then((m) => ({ default: m.CustomersPage })),
);
const SurveysPage = lazy(() =>
  import('../features/surveys/surveys-page').then((m) => ({ default: m.SurveysPage })),
);
const SurveyDetailPage = lazy(() =>
  import('../features/surveys/survey-detail-page').then((m) => ({ default: m.SurveyDetailPage })),
);
const ApiKeysPage = lazy(() =>
  import('../features/api-keys/api-keys-page').then((m) => ({ default: m.ApiKeysPage })),
);
const WebhooksPage = lazy(() =>
  import('../features/webhooks/webhooks-page').then((m) => ({ default: m.WebhooksPage })),
);
// The customers' answer page: opened from a mailed link (/r/:token) or a QR code (/q/:code), no account.
const RecognitionPage = lazy(() =>
  import('../features/recognition/recognition-page').then((m) => ({ default: m.RecognitionPage })),
);
// The outside-in dashboard (Recharts) loads on first visit.
const insights = () => import('../features/insights/routes');
const OverviewPage = lazy(() => insights().then((m) => ({ default: m.OverviewPage })));
const ValuePage = lazy(() => insights().then((m) => ({ default: m.ValuePage })));
const TeamPage = lazy(() => insights().then((m) => ({ default: m.TeamPage })));
const MyTeamRedirect = lazy(() => insights().then((m) => ({ default: m.MyTeamRedirect })));
const HeartMonitorPage = lazy(() => insights().then((m) => ({ default: m.HeartMonitorPage })));
const GapPage = lazy(() => insights().then((m) => ({ default: m.GapPage })));
const ReportPage = lazy(() => insights().then((m) => ({ default: m.ReportPage })));
const ActionsPage = lazy(() =>
  import('../features/actions/actions-page').then((m) => ({ default: m.ActionsPage })),
);
const ActionDetailPage = lazy(() =>
  import('../features/actions/action-detail-page').then((m) => ({ default: m.ActionDetailPage })),
);
const appraisals = () => import('../features/appraisals/routes');
const AppraisalsPage = lazy(() => appraisals().then((m) => ({ default: m.AppraisalsPage })));
const AppraisalPage = lazy(() => appraisals().then((m) => ({ default: m.AppraisalPage })));
const AppraisalCyclesPage = lazy(() => appraisals().then((m) => ({ default: m.AppraisalCyclesPage })));
const later = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

// Blue 9 on white and the darkened "dimmed" text keep WCAG AA contrast.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, fontFamily: 'system-ui, sans-serif' });
// Mantine's default "dimmed" grey is a shade too light for AA contrast on white and grey.0.
const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#55595f' },
  dark: {},
});

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // 4xx answers will not change by asking again; network trouble might.
      queries: { retry: (count, error) => !(error instanceof ApiError && error.status >= 400) && count < 2 },
    },
  });
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('common.notFound')}>
      <EmptyState>{t('common.notFound')}</EmptyState>
    </Page>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/self-assessment/:token" element={later(<SelfAssessmentPage />)} />
      <Route path="/r/:token" element={later(<RecognitionPage kind="token" />)} />
      <Route path="/q/:code" element={later(<RecognitionPage kind="open" />)} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/set-password" element={<SetPasswordPage />} />
      <Route path="/confirm-email" element={<ConfirmEmailPage />} />
      <Route path="/operator" element={<OperatorPage />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route
        element={
          <RequireSession>
            <Shell />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        {(
          [
            ['insights', 'insights.read', <OverviewPage />],
            ['insights/my-team', 'insights.read', <MyTeamRedirect />],
            ['insights/values/:key', 'insights.read', <ValuePage />],
            ['insights/teams/:id', 'insights.read', <TeamPage />],
            ['insights/journeys', 'insights.journeys', <HeartMonitorPage />],
            ['insights/journeys/:id', 'insights.journeys', <HeartMonitorPage />],
            ['insights/gap', 'insights.read', <GapPage />],
            ['insights/report', 'insights.report', <ReportPage />],
            ['appraisals', 'self.read', <AppraisalsPage />],
            ['appraisals/:id', 'self.read', <AppraisalPage />],
            ['appraisal-cycles', 'appraisals.manage', <AppraisalCyclesPage />],
            ['actions', 'actions.read', <ActionsPage />],
            ['actions/:id', 'actions.read', <ActionDetailPage />],
          ] as const
        ).map(([path, permission, page]) => (
          <Route
            key={path}
            path={path}
            element={<RequirePermission permission={permission}>{later(page)}</RequirePermission>}
          />
        ))}
        <Route
          path="values"
          element={
            <RequirePermission permission="values.read">{later(<ValuesHousePage />)}</RequirePermission>
          }
        />
        <Route
          path="values/booklet"
          element={<RequirePermission permission="values.read">{later(<BookletPage />)}</RequirePermission>}
        />
        <Route
          path="values/preview"
          element={<RequirePermission permission="values.read">{later(<PreviewPage />)}</RequirePermission>}
        />
        <Route
          path="values/edit"
          element={
            <RequirePermission permission="values.write">{later(<ValuesEditorPage />)}</RequirePermission>
          }
        />
        <Route
          path="my-assessments"
          element={
            <RequirePermission permission="self.read">{later(<MyAssessmentsPage />)}</RequirePermission>
          }
        />
        <Route
          path="cycles"
          element={<RequirePermission permission="cycles.read">{later(<CyclesPage />)}</RequirePermission>}
        />
        <Route
          path="customers"
          element={
            <RequirePermission permission="customers.read">{later(<CustomersPage />)}</RequirePermission>
          }
        />
        <Route
          path="surveys"
          element={<RequirePermission permission="surveys.read">{later(<SurveysPage />)}</RequirePermission>}
        />
        <Route
          path="surveys/:id"
          element={
            <RequirePermission permission="surveys.read">{later(<SurveyDetailPage />)}</RequirePermission>
          }
        />
        <Route
          path="people"
          element={
            <RequirePermission permission="people.read">
              <PeoplePage />
            </RequirePermission>
          }
        />
        <Route
          path="teams"
          element={
            <RequirePermission permission="teams.read">
              <TeamsPage />
            </RequirePermission>
          }
        />
        <Route
          path="import"
          element={
            <RequirePermission permission="import.run">
              <ImportPage />
            </RequirePermission>
          }
        />
        <Route
          path="organisation"
          element={
            <RequirePermission permission="organisation.read">
              <OrganisationPage />
            </RequirePermission>
          }
        />
        <Route
          path="api-keys"
          element={
            <RequirePermission permission="apiKeys.manage">{later(<ApiKeysPage />)}</RequirePermission>
          }
        />
        <Route
          path="webhooks"
          element={
            <RequirePermission permission="webhooks.manage">{later(<WebhooksPage />)}</RequirePermission>
          }
        />
        <Route
          path="outbox"
          element={
            <RequirePermission permission="outbox.read">
              <OutboxPage />
            </RequirePermission>
          }
        />
        <Route
          path="jobs"
          element={
            <RequirePermission permission="jobs.read">
              <JobsPage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App({ client = createQueryClient() }: { client?: QueryClient }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <QueryClientProvider client={client}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
