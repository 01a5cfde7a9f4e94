import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { useMe } from '../auth/session';
import { FocusBlock } from './guidance';
import { InsightsNav } from './insights-nav';
import { OrganisationOverview } from './overview-parts';
import { PeriodGate } from './period-gate';
import { PeriodPicker } from './period-picker';
import { PeriodScopeNote } from './period-scope-note';
import { useInsightsParams } from './use-insights-params';

/** /insights: the organisation per value for a period: tiles, the pyramid by status, NPS and participation. */
export function OverviewPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { periodSearch } = useInsightsParams();
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
        <PeriodGate>
          <PeriodScopeNote />
          <FocusBlock />
          <OrganisationOverview csvPrefix={t('insights.overview.csv')} />
        </PeriodGate>
      </Stack>
    </Page>
  );
}
