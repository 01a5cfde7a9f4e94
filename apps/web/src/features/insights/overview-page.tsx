import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { useMe } from '../auth/session';
import { useKpis } from './insights-api';
import { InsightsNav } from './insights-nav';
import { valueTiles } from './kpi-model';
import { OverviewBody } from './overview-parts';
import { PeriodPicker } from './period-picker';
import { useInsightsParams } from './use-insights-params';

/** /insights: the organisation per value for a period: tiles, the pyramid by status, NPS and participation. */
export function OverviewPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { kind, at, range, periodSearch } = useInsightsParams();
  const kpis = useKpis({ period: kind, ...range, breakdown: 'organisation' });
  return (
    <Page title={t('insights.overview.title')} intro={t('insights.overview.intro')}>
      <Stack gap="md">
        <InsightsNav />
        <PeriodPicker />
        {!!me?.managedTeamIds.length && (
          <Text>
            <Anchor component={Link} to={`/insights/my-team${periodSearch}`}>
              {t('insights.overview.toMyTeam')}
            </Anchor>
          </Text>
        )}
        <QueryState query={kpis}>
          {(report) =>
            report.values.length === 0 ? (
              <EmptyState>{t('insights.noValues')}</EmptyState>
            ) : (
              <OverviewBody
                report={report}
                tiles={valueTiles(report, at)}
                at={at}
                linkSearch={periodSearch}
                csvPrefix={t('insights.overview.csv')}
              />
            )
          }
        </QueryState>
      </Stack>
    </Page>
  );
}
