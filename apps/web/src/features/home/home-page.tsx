import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type {
  HomeActions,
  HomeAppraisal,
  HomeBelowTarget,
  HomeManager,
  HomeOrganisation,
  HomeOverview,
  HomeReview,
  HomeSelfAssessments,
  Permission,
} from '@wk/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { formatDate } from '../../components/format';
import { Page } from '../../components/page';
import { QueryState, Loading } from '../../components/states';
import { formatDecimal, formatNumber } from '../../lib/number-format';
import { useCan, useMe } from '../auth/session';
import { periodLabel } from '../insights/period-model';
import { SetupChecklist } from '../setup/setup-checklist';
import { belowTargetState, formatDay, formatRate, formWaiting, nameIn, showsReviews } from './home-model';

const SHORTCUTS: { to: string; key: string; permission: Permission }[] = [
  { to: '/people', key: 'home.people', permission: 'people.read' },
  { to: '/import', key: 'home.import', permission: 'import.run' },
  { to: '/organisation', key: 'home.organisation', permission: 'organisation.read' },
  { to: '/outbox', key: 'home.outbox', permission: 'outbox.read' },
];

export const HOME_KEY = ['home'] as const;
/** A card lists this many items; its text counts them all. */
const HOME_LIST_ITEMS = 5;

/** A card with a heading that names it for screen readers. */
function Section({
  id,
  title,
  children,
  link,
}: {
  id: string;
  title: string;
  children: ReactNode;
  link?: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
        {link}
      </Stack>
    </Card>
  );
}

function Dimmed({ children }: { children: ReactNode }) {
  return <Text c="dimmed">{children}</Text>;
}

function Overdue() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled" size="sm">
      {t('home.overdue')}
    </Badge>
  );
}

function SelfAssessmentCard({ data }: { data: HomeSelfAssessments }) {
  const { t } = useTranslation();
  return (
    <Section id="home-form" title={t('home.form.title')}>
      {data.open.length === 0 ? (
        <Dimmed>{t('home.form.none')}</Dimmed>
      ) : (
        data.open.map((form) => (
          <Stack key={form.roundId} gap="xs" align="flex-start">
            <Text>
              {t(form.completedAt ? 'home.form.submitted' : 'home.form.waiting', {
                cycle: form.cycleName,
                date: formatDate(form.closesAt),
              })}
            </Text>
            <Button component={Link} to={form.formPath} variant={form.completedAt ? 'default' : 'filled'}>
              {t(form.completedAt ? 'home.form.change' : 'home.form.fillIn')}
            </Button>
          </Stack>
        ))
      )}
    </Section>
  );
}

function AppraisalCard({ appraisals }: { appraisals: HomeAppraisal[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="home-appraisal" title={t('home.appraisal.title')}>
      {appraisals.map((a) => (
        <Stack key={a.id} gap="xs" align="flex-start">
          <Text fw={600}>{a.cycleName}</Text>
          <Group gap="xs">
            <Text>{t('home.appraisal.stage', { stage: t(`appraisals.stage.${a.stage}`) })}</Text>
            {a.dueDate && (
              <Text c="dimmed">· {t('home.dueOn', { date: formatDay(a.dueDate, i18n.language) })}</Text>
            )}
            {a.overdue && <Overdue />}
          </Group>
          <Button component={Link} to={`/appraisals/${a.id}`} variant="light">
            {t('home.appraisal.open')}
          </Button>
        </Stack>
      ))}
    </Section>
  );
}

function LastResultCard({ last }: { last: HomeOverview['selfAssessments']['last'] }) {
  const { t, i18n } = useTranslation();
  const score = (n: number | null) => (n === null ? '–' : formatDecimal(n, 1, i18n.language));
  return (
    <Section
      id="home-last"
      title={t('home.last.title')}
      link={
        <Anchor component={Link} to="/my-assessments">
          {t('home.last.all')}
        </Anchor>
      }
    >
      {!last ? (
        <Dimmed>{t('home.last.none')}</Dimmed>
      ) : (
        <>
          <Dimmed>{t('home.last.intro', { cycle: last.cycleName, date: formatDate(last.opensAt) })}</Dimmed>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('home.last.value')}</Table.Th>
                <Table.Th>{t('home.last.myScore')}</Table.Th>
                <Table.Th>{t('home.last.teamAverage')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {last.values.map((v) => (
                <Table.Tr key={v.key}>
                  <Table.Td>{nameIn(i18n.language, v.nameNl, v.nameEn)}</Table.Td>
                  <Table.Td>{score(v.myScore)}</Table.Td>
                  <Table.Td>
                    {v.teamAverage === null ? (
                      <Text span size="sm" c="dimmed">
                        {t('home.last.tooFew')}
                      </Text>
                    ) : (
                      score(v.teamAverage)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Section>
  );
}

function ActionsCard({
  id,
  title,
  actions,
  empty,
}: {
  id: string;
  title: string;
  actions: HomeActions;
  empty: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Section
      id={id}
      title={title}
      link={
        <Anchor component={Link} to="/actions">
          {t('home.actions.all')}
        </Anchor>
      }
    >
      {actions.open > 0 && (
        <Text>{t('home.actions.counts', { open: actions.open, overdue: actions.overdue })}</Text>
      )}
      {actions.items.length === 0 ? (
        <Dimmed>{empty}</Dimmed>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {actions.items.map((a) => (
            <li key={a.id}>
              <Anchor component={Link} to={`/actions/${a.id}`} fw={600}>
                {a.what}
              </Anchor>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {[
                    nameIn(i18n.language, a.valueName, a.valueNameEn),
                    a.teamName,
                    a.mine ? t('home.actions.ownerMe') : t('home.actions.owner', { name: a.ownerName }),
                    t('home.dueOn', { date: formatDay(a.dueDate, i18n.language) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {a.overdue && <Overdue />}
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function ParticipationCard({ manager, minimum }: { manager: HomeManager; minimum: number }) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="home-participation" title={t('home.participation.title')}>
      {manager.rounds.length === 0 ? (
        <Dimmed>{t('home.participation.none')}</Dimmed>
      ) : (
        <>
          {manager.rounds.map((round) => (
            <Stack key={round.roundId} gap="xs">
              <Text fw={600}>
                {t('home.participation.round', { cycle: round.cycleName, date: formatDate(round.closesAt) })}
              </Text>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('home.participation.team')}</Table.Th>
                    <Table.Th>{t('home.participation.completed')}</Table.Th>
                    <Table.Th>{t('home.participation.rate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {round.teams.map((team) => (
                    <Table.Tr key={team.teamId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/insights/teams/${team.teamId}`}>
                          {team.teamName}
                        </Anchor>
                      </Table.Td>
                      {team.suppressed ? (
                        <Table.Td colSpan={2}>
                          <Text span size="sm" c="dimmed">
                            {t('home.participation.suppressed', { minimum })}
                          </Text>
                        </Table.Td>
                      ) : (
                        <>
                          <Table.Td>
                            {t('home.participation.countOf', {
                              completed: formatNumber(team.completed ?? 0, 'count', i18n.language),
                              invited: formatNumber(team.invited ?? 0, 'count', i18n.language),
                            })}
                          </Table.Td>
                          <Table.Td>{formatRate(team.rate, i18n.language)}</Table.Td>
                        </>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          ))}
          <Text size="sm" c="dimmed">
            {t('home.participation.suppressedHint', { minimum })}
          </Text>
        </>
      )}
    </Section>
  );
}

function ReviewsCard({ reviews }: { reviews: HomeReview[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Section
      id="home-reviews"
      title={t('home.reviews.title')}
      link={
        <Anchor component={Link} to="/appraisals">
          {t('home.reviews.all')}
        </Anchor>
      }
    >
      {reviews.length === 0 ? (
        <Dimmed>{t('home.reviews.none')}</Dimmed>
      ) : (
        <Text>{t('home.reviews.waiting', { count: reviews.length })}</Text>
      )}
      {reviews.length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {reviews.slice(0, HOME_LIST_ITEMS).map((r) => (
            <li key={r.id}>
              <Anchor component={Link} to={`/appraisals/${r.id}`} fw={600}>
                {r.employeeName}
              </Anchor>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {[
                    r.teamName,
                    t(`appraisals.stage.${r.stage}`),
                    r.dueDate && `${t('home.reviews.due')}: ${formatDay(r.dueDate, i18n.language)}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {r.overdue && <Overdue />}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {reviews.length > HOME_LIST_ITEMS && (
        <Dimmed>{t('home.reviews.more', { count: reviews.length - HOME_LIST_ITEMS })}</Dimmed>
      )}
    </Section>
  );
}

function RoundsCard({ organisation }: { organisation: HomeOrganisation }) {
  const { t, i18n } = useTranslation();
  return (
    <Section
      id="home-rounds"
      title={t('home.rounds.title')}
      link={
        <Anchor component={Link} to="/cycles">
          {t('home.rounds.all')}
        </Anchor>
      }
    >
      {organisation.rounds.length === 0 ? (
        <Dimmed>{t('home.rounds.none')}</Dimmed>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('home.rounds.cycle')}</Table.Th>
                <Table.Th>{t('home.rounds.closes')}</Table.Th>
                <Table.Th>{t('home.rounds.completed')}</Table.Th>
                <Table.Th>{t('home.rounds.rate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organisation.rounds.map((r) => (
                <Table.Tr key={r.roundId}>
                  <Table.Td>{r.cycleName}</Table.Td>
                  <Table.Td>{formatDate(r.closesAt)}</Table.Td>
                  <Table.Td>
                    {t('home.participation.countOf', {
                      completed: formatNumber(r.completed, 'count', i18n.language),
                      invited: formatNumber(r.invited, 'count', i18n.language),
                    })}
                  </Table.Td>
                  <Table.Td>{formatRate(r.rate, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function WavesCard({ organisation }: { organisation: HomeOrganisation }) {
  const { t, i18n } = useTranslation();
  return (
    <Section
      id="home-waves"
      title={t('home.waves.title')}
      link={
        <Anchor component={Link} to="/surveys">
          {t('home.waves.all')}
        </Anchor>
      }
    >
      {organisation.waves.length === 0 ? (
        <Dimmed>{t('home.waves.none')}</Dimmed>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('home.waves.survey')}</Table.Th>
                <Table.Th>{t('home.waves.closes')}</Table.Th>
                <Table.Th>{t('home.waves.answered')}</Table.Th>
                <Table.Th>{t('home.waves.rate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organisation.waves.map((w) => (
                <Table.Tr key={w.waveId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/surveys/${w.surveyId}`}>
                      {w.surveyName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(w.closesAt)}</Table.Td>
                  <Table.Td>
                    {t('home.participation.countOf', {
                      completed: formatNumber(w.answered, 'count', i18n.language),
                      invited: formatNumber(w.invited, 'count', i18n.language),
                    })}
                  </Table.Td>
                  <Table.Td>{formatRate(w.responseRate, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function BelowTargetCard({ below }: { below: HomeBelowTarget }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const period = periodLabel(below.period, lang);
  const state = belowTargetState(below);
  return (
    <Section
      id="home-below-target"
      title={t('home.belowTarget.title')}
      link={
        <Anchor component={Link} to={`/insights?period=quarter&at=${below.period}`}>
          {t('home.belowTarget.dashboard')}
        </Anchor>
      }
    >
      <Dimmed>{t('home.belowTarget.intro', { period })}</Dimmed>
      {state === 'list' ? (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('home.belowTarget.value')}</Table.Th>
                <Table.Th>{t('home.belowTarget.grade')}</Table.Th>
                <Table.Th>{t('home.belowTarget.target')}</Table.Th>
                <Table.Th>{t('home.belowTarget.answers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {below.values.map((v) => (
                <Table.Tr key={v.key}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/insights/values/${v.key}?period=quarter&at=${below.period}`}
                    >
                      {nameIn(lang, v.name, v.nameEn)}
                    </Anchor>
                    <Text size="sm" c={v.status === 'below' ? 'red.9' : 'orange.9'}>
                      {t(`home.belowTarget.status.${v.status}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatNumber(v.grade, 'grade', lang)}</Table.Td>
                  <Table.Td>{formatNumber(v.target, 'grade', lang)}</Table.Td>
                  <Table.Td>{formatNumber(v.n, 'count', lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text>{t(state === 'none' ? 'home.belowTarget.none' : 'home.belowTarget.noData', { period })}</Text>
      )}
      {below.provisional > 0 && (
        <Text size="sm" c="dimmed">
          {t('home.belowTarget.provisional', { count: below.provisional, minimum: below.reliabilityMinimum })}
        </Text>
      )}
    </Section>
  );
}

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
