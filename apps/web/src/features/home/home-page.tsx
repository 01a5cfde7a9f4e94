import { Anchor, Card, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { HomeOverview, Permission } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { Page } from '../../components/page';
import { QueryState, Loading } from '../../components/states';
import { useCan, useMe } from '../auth/session';
import { SetupChecklist } from '../setup/setup-checklist';
import { formWaiting, showsReviews } from './home-model';

import { AppraisalCard, LastResultCard, SelfAssessmentCard } from './employee-cards';
import { BelowTargetCard, RoundsCard, WavesCard } from './organisation-cards';
import { ActionsCard, ParticipationCard, ReviewsCard } from './team-cards';

const SHORTCUTS: { to: string; key: string; permission: Permission }[] = [
  { to: '/people', key: 'home.people', permission: 'people.read' },
  { to: '/import', key: 'home.import', permission: 'import.run' },
  { to: '/organisation', key: 'home.organisation', permission: 'organisation.read' },
  { to: '/outbox', key: 'home.outbox', permission: 'outbox.read' },
];

export const HOME_KEY = ['home'] as const;
/** A card lists this many items; its text counts them all. */
function HomeContent({ home }: { home: HomeOverview }) {
  const { t } = useTranslation();
  const org = home.organisation;
  // An employee always sees the form card (empty: nothing waits); other roles only when a form is open.
  const own = (
    <>
      {(home.role === 'employee' || home.selfAssessments.open.length > 0) && (
        <SelfAssessmentCard data={home.selfAssessments} />
      )}
      {home.appraisals.length > 0 && <AppraisalCard appraisals={home.appraisals} />}
    </>
  );
  return (
    <Stack gap="md">
      {org && <SetupChecklist checklist={org.checklist} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {/* A waiting form is the first thing an employee sees; HR's own form follows its work. */}
        {(home.role === 'employee' || formWaiting(home)) && own}
        {home.teamActions && (
          <ActionsCard
            id="home-team-actions"
            title={t('home.actions.team')}
            actions={home.teamActions}
            empty={t('home.actions.none')}
          />
        )}
        {home.manager && <ParticipationCard manager={home.manager} minimum={home.anonymityMinimum} />}
        {home.manager && (
          <ActionsCard
            id="home-manager-actions"
            title={t('home.actions.teams')}
            actions={home.manager.actions}
            empty={t('home.actions.none')}
          />
        )}
        {showsReviews(home) && <ReviewsCard reviews={home.reviews!} />}
        {org && <RoundsCard organisation={org} />}
        {org && <WavesCard organisation={org} />}
        {org && <BelowTargetCard below={org.belowTarget} />}
        {org && (
          <ActionsCard
            id="home-overdue-actions"
            title={t('home.actions.overdueTitle')}
            actions={org.actions}
            empty={t('home.actions.noneOverdue')}
          />
        )}
        {home.role !== 'employee' && !formWaiting(home) && own}
        {(home.role === 'employee' || home.selfAssessments.last) && (
          <LastResultCard last={home.selfAssessments.last} />
        )}
      </SimpleGrid>
    </Stack>
  );
}

/** The home page: each role's next steps from `GET /api/home` (issue 17 item 7). */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const can = useCan();
  const home = useQuery({
    queryKey: HOME_KEY,
    queryFn: ({ signal }) => api<HomeOverview>('/home', { signal }),
    enabled: Boolean(me),
  });
  if (!me) return null;
  const shortcuts = SHORTCUTS.filter((s) => can(s.permission));
  return (
    <Page
      title={t('home.title', { name: me.name })}
      intro={t('home.intro', {
        organisation: me.organisation.name,
        role: t(`roles.${me.role}`).toLowerCase(),
      })}
    >
      {home.isPending ? (
        <Loading label={t('home.loading')} />
      ) : (
        <QueryState query={home}>{(data) => <HomeContent home={data} />}</QueryState>
      )}
      {shortcuts.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="home-shortcuts">
          <Title order={2} size="h4" id="home-shortcuts">
            {t('home.shortcuts')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {shortcuts.map((s) => (
              <Card key={s.to} withBorder padding="lg">
                <Anchor component={Link} to={s.to} fw={600}>
                  {t(s.key)}
                </Anchor>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Page>
  );
}
