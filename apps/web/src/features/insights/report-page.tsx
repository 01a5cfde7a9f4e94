import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { useMe } from '../auth/session';
import { InsightsNav } from './insights-nav';
import { OrganisationOverview } from './overview-parts';
import { periodLabel, reportPdfUrl } from './period-model';
import { PeriodPicker } from './period-picker';
import { useInsightsParams } from './use-insights-params';
import '../values/values.css';

/** /insights/report: the overview of one period on one printable A4 page, and the server-made PDF. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const organisation = useMe().data?.organisation.name ?? '';
  const { calendarKind, at } = useInsightsParams();
  const period = periodLabel(at, i18n.language);
  return (
    <Page
      title={t('insights.report.title')}
      actions={
        <Group gap="sm" className="no-print">
          <Button component="a" href={reportPdfUrl(calendarKind, at)} variant="filled">
            {t('insights.report.pdf')}
          </Button>
          <Button variant="default" onClick={() => window.print()}>
            {t('insights.report.print')}
          </Button>
        </Group>
      }
    >
      <Stack gap="md" className="board-report">
        <Text c="dimmed" className="no-print">
          {t('insights.report.intro')}
        </Text>
        <InsightsNav />
        <PeriodPicker />
        <div>
          <Title order={2} size="h3">
            {t('insights.report.heading', { organisation, period })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('insights.report.generated', {
              date: new Date().toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nl-NL'),
            })}
          </Text>
        </div>
        <OrganisationOverview csvPrefix={t('insights.report.csv')} />
      </Stack>
    </Page>
  );
}
