import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './query-client';
import { useTranslation } from 'react-i18next';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Page } from '../components/page';
import { EmptyState, Loading } from '../components/states';
import { RequirePermission, RequireSession } from '../features/auth/guards';
import { cssVariables, theme } from './theme';

// Every page loads on first visit, so that a phone opening the answer page or the self-assessment
// form never downloads the dashboard (issue 13).
const LoginPage = lazy(() => import('../features/auth/login-page').then((m) => ({ default: m.LoginPage })));
const ForgotPasswordPage = lazy(() =>
  import('../features/auth/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const SetPasswordPage = lazy(() =>
  import('../features/auth/set-password-page').then((m) => ({ default: m.SetPasswordPage })),
);
const ConfirmEmailPage = lazy(() =>
  import('../features/auth/confirm-email-page').then((m) => ({ default: m.ConfirmEmailPage })),
);
const OperatorPage = lazy(() =>
  import('../features/operator/operator-page').then((m) => ({ default: m.OperatorPage })),
);
const SetupPage = lazy(() => import('../features/setup/setup-page').then((m) => ({ default: m.SetupPage })));
const AnonymityHelpPage = lazy(() =>
  import('../features/help/anonymity-page').then((m) => ({ default: m.AnonymityHelpPage })),
);
const Shell = lazy(() => import('./app-shell').then((m) => ({ default: m.Shell })));
const HomePage = lazy(() => import('../features/home/home-page').then((m) => ({ default: m.HomePage })));
const ImportPage = lazy(() =>
  import('../features/import/import-page').then((m) => ({ default: m.ImportPage })),
);
const OrganisationPage = lazy(() =>
  import('../features/organisation/organisation-page').then((m) => ({ default: m.OrganisationPage })),
);
const OutboxPage = lazy(() =>
  import('../features/outbox/outbox-page').then((m) => ({ default: m.OutboxPage })),
);
const JobsPage = lazy(() => import('../features/jobs/jobs-page').then((m) => ({ default: m.JobsPage })));
const PeoplePage = lazy(() =>
  import('../features/people/people-page').then((m) => ({ default: m.PeoplePage })),
);
const TeamsPage = lazy(() => import('../features/teams/teams-page').then((m) => ({ default: m.TeamsPage })));

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
const selfAssessmentPage = () => import('../features/self-assessment/self-assessment-page');
const SelfAssessmentPage = lazy(() => selfAssessmentPage().then((m) => ({ default: m.SelfAssessmentPage })));
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
const CommentsPage = lazy(() =>
  import('../features/surveys/comments-page').then((m) => ({ default: m.CommentsPage })),
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
const recognitionPage = () => import('../features/recognition/recognition-page');
const RecognitionPage = lazy(() => recognitionPage().then((m) => ({ default: m.RecognitionPage })));
// A mailed or QR link opens one page: fetch it alongside the app, not after the app's first render.
const publicPath = typeof window === 'undefined' ? '' : window.location.pathname;
if (/^\/(r|q)\//.test(publicPath)) void recognitionPage();
else if (publicPath.startsWith('/self-assessment/')) void selfAssessmentPage();
// The outside-in dashboard loads page by page on first visit: the overview needs no charting
// library, and the chart parts of the other pages load after their figures (issue 13).
const overviewPage = () => import('../features/insights/overview-page');
const valuePage = () => import('../features/insights/value-page');
const teamPage = () => import('../features/insights/team-page');
const OverviewPage = lazy(() => overviewPage().then((m) => ({ default: m.OverviewPage })));
const ValuePage = lazy(() => valuePage().then((m) => ({ default: m.ValuePage })));
const TeamPage = lazy(() => teamPage().then((m) => ({ default: m.TeamPage })));
const MyTeamRedirect = lazy(() => teamPage().then((m) => ({ default: m.MyTeamRedirect })));
const HeartMonitorPage = lazy(() =>
  import('../features/insights/heart-monitor-page').then((m) => ({ default: m.HeartMonitorPage })),
);
const GapPage = lazy(() => import('../features/insights/gap-page').then((m) => ({ default: m.GapPage })));
const ReportPage = lazy(() =>
  import('../features/insights/report-page').then((m) => ({ default: m.ReportPage })),
);
// A dashboard link fetches the shell and its page alongside the session check (/api/auth/me), not
// one after the other once each has rendered.
if (/^\/insights(\/|$)/.test(publicPath)) {
  void import('./app-shell');
  if (/^\/insights\/?$/.test(publicPath)) void overviewPage();
  else if (publicPath.startsWith('/insights/values/')) void valuePage();
  else if (publicPath.startsWith('/insights/teams/')) void teamPage();
}
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
      <Route path="/login" element={later(<LoginPage />)} />
      <Route path="/self-assessment/:token" element={later(<SelfAssessmentPage />)} />
      <Route path="/r/:token" element={later(<RecognitionPage kind="token" />)} />
      <Route path="/q/:code" element={later(<RecognitionPage kind="open" />)} />
      <Route path="/forgot-password" element={later(<ForgotPasswordPage />)} />
      <Route path="/set-password" element={later(<SetPasswordPage />)} />
      <Route path="/confirm-email" element={later(<ConfirmEmailPage />)} />
      <Route path="/operator" element={later(<OperatorPage />)} />
      <Route path="/setup" element={later(<SetupPage />)} />
      <Route element={<RequireSession>{later(<Shell />)}</RequireSession>}>
        <Route index element={later(<HomePage />)} />
        {(
          [
            ['insights', 'insights.read', <OverviewPage />],
            ['insights/my-team', 'insights.teams', <MyTeamRedirect />],
            ['insights/values/:key', 'insights.read', <ValuePage />],
            ['insights/teams/:id', 'insights.teams', <TeamPage />],
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
        <Route path="help/anonymity" element={<AnonymityHelpPage />} />
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
          path="surveys/comments"
          element={<RequirePermission permission="surveys.read">{later(<CommentsPage />)}</RequirePermission>}
        />
        <Route
          path="surveys/:id"
          element={
            <RequirePermission permission="surveys.read">{later(<SurveyDetailPage />)}</RequirePermission>
          }
        />
        <Route
          path="people"
          element={<RequirePermission permission="people.read">{later(<PeoplePage />)}</RequirePermission>}
        />
        <Route
          path="teams"
          element={<RequirePermission permission="teams.read">{later(<TeamsPage />)}</RequirePermission>}
        />
        <Route
          path="import"
          element={<RequirePermission permission="import.run">{later(<ImportPage />)}</RequirePermission>}
        />
        <Route
          path="organisation"
          element={
            <RequirePermission permission="organisation.read">
              {later(<OrganisationPage />)}
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
          element={<RequirePermission permission="outbox.read">{later(<OutboxPage />)}</RequirePermission>}
        />
        <Route
          path="jobs"
          element={<RequirePermission permission="jobs.read">{later(<JobsPage />)}</RequirePermission>}
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
          {/* While a stored English dictionary is still loading (see i18n). */}
          <Suspense fallback={null}>
            <AppRoutes />
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
