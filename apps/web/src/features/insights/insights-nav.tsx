import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { roleHas } from '@wk/contracts';
import { useMe } from '../auth/session';
import { useInsightsParams } from './use-insights-params';

/** The parts of the dashboard; links keep the chosen period. */
export function InsightsNav() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { pathname } = useLocation();
  const { periodSearch } = useInsightsParams();
  const links = [
    { to: '/insights', label: t('insights.nav.overview'), active: pathname === '/insights' },
    ...(me?.managedTeamIds.length
      ? [
          {
            to: '/insights/my-team',
            label: t('insights.nav.myTeam'),
            active: pathname.startsWith('/insights/teams'),
          },
        ]
      : []),
    { to: '/insights/gap', label: t('insights.nav.gap'), active: pathname.startsWith('/insights/gap') },
    ...(me && roleHas(me.role, 'insights.journeys')
      ? [
          {
            to: '/insights/journeys',
            label: t('insights.nav.journeys'),
            active: pathname.startsWith('/insights/journeys'),
          },
        ]
      : []),
    ...(me && roleHas(me.role, 'insights.report')
      ? [
          {
            to: '/insights/report',
            label: t('insights.nav.report'),
            active: pathname.startsWith('/insights/report'),
          },
        ]
      : []),
    // Everyone may read the rules behind "te weinig antwoorden".
    { to: '/help/anonymity', label: t('insights.nav.anonymity'), active: false },
  ];
  return (
    <Group component="nav" aria-label={t('insights.nav.label')} gap={6} className="no-print" wrap="wrap">
      {links.map((l) => (
        <Button
          key={l.to}
          component={Link}
          to={`${l.to}${periodSearch}`}
          size="compact-sm"
          variant={l.active ? 'filled' : 'default'}
          aria-current={l.active ? 'page' : undefined}
        >
          {l.label}
        </Button>
      ))}
    </Group>
  );
}
