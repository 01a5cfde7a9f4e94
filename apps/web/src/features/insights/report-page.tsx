import { Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { localized } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { useCan, useMe } from '../auth/session';
import { useKpis, useTeamsIf } from './insights-api';
import { InsightsNav } from './insights-nav';
import { OrganisationOverview } from './overview-parts';
import { periodLabel, reportPdfUrl } from './period-model';
import { PeriodPicker } from './period-picker';
import { TeamFilter } from './team-filter';
import { useInsightsParams } from './use-insights-params';
import '../values/values.css';

/**
 * /insights/report: the overview of one period on one printable A4 page, and the server-made PDF;
 * cut to one team (with the teams below it) and/or one value by `teamId` / `valueKey` in the URL.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const organisation = useMe().data?.organisation.name ?? '';
  const { calendarKind, at, rangeQuery, get, update } = useInsightsParams();
  const teamId = get('teamId') || undefined;
  const valueKey = get('valueKey') || undefined;
  const teams = useTeamsIf(can('teams.read')).data;
  // The values to choose from: the team's report without the value cut (the overview's own query when none is chosen).
  const values = useKpis({ ...rangeQuery, breakdown: 'organisation', teamId }).data?.values ?? [];
  const teamName = teams?.find((team) => team.id === teamId)?.name;
  const value = values.find((v) => v.key === valueKey);
  const period = periodLabel(at, i18n.language);
  const covers = [teamName, value && localized(value.name, value.nameEn, i18n.language)].filter(Boolean);
  return (
    <Page
      title={t('insights.report.title')}
      actions={
        <Group gap="sm" className="no-print">
          <Button component="a" href={reportPdfUrl(calendarKind, at, { teamId, valueKey })} variant="filled">
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
        <SimpleGrid cols={{ base: 1, sm: 3 }} className="no-print">
          <PeriodPicker />
          <TeamFilter
            teams={teams}
            label={t('insights.report.team')}
            placeholder={t('insights.report.wholeOrganisation')}
          />
          <Select
            label={t('insights.report.value')}
            placeholder={t('insights.report.allValues')}
            data={values
              .filter((v) => !v.retired)
              .map((v) => ({ value: v.key, label: localized(v.name, v.nameEn, i18n.language) }))}
            value={valueKey ?? null}
            clearable
            onChange={(next) => update({ valueKey: next })}
          />
        </SimpleGrid>
        <div>
          <Title order={2} size="h3">
            {t('insights.report.heading', { organisation, period })}
          </Title>
          {covers.length > 0 && <Text fw={600}>{covers.join(' · ')}</Text>}
          <Text size="sm" c="dimmed">
            {t('insights.report.generated', {
              date: new Date().toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nl-NL'),
            })}
          </Text>
        </div>
        <OrganisationOverview csvPrefix={t('insights.report.csv')} filter={{ teamId, valueKey }} />
      </Stack>
    </Page>
  );
}
