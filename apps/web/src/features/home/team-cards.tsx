import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import type { HomeActions, HomeManager, HomeReview } from '@wk/contracts';
import { localized } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import { formatNumber } from '../../lib/number-format';
import { formatDay, formatRate } from './home-model';

import { Dimmed, HOME_LIST_ITEMS, Overdue, Section } from './home-parts';

/* A team's cards: its actions, participation of open rounds, appraisals to review. */

export function ActionsCard({
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
                    localized(a.valueName, a.valueNameEn, i18n.language),
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

export function ParticipationCard({ manager, minimum }: { manager: HomeManager; minimum: number }) {
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

export function ReviewsCard({ reviews }: { reviews: HomeReview[] }) {
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
