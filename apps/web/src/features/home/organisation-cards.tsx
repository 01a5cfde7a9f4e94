import { Anchor, Table, Text } from '@mantine/core';
import type { HomeBelowTarget, HomeOrganisation } from '@wk/contracts';
import { localized } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import { formatNumber } from '../../lib/number-format';
import { periodLabel } from '../insights/period-model';
import { belowTargetState, formatRate } from './home-model';

import { Dimmed, Section } from './home-parts';

/* HR's cards: open rounds and waves with response rates, values below target. */

export function RoundsCard({ organisation }: { organisation: HomeOrganisation }) {
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

export function WavesCard({ organisation }: { organisation: HomeOrganisation }) {
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

export function BelowTargetCard({ below }: { below: HomeBelowTarget }) {
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
                      {localized(v.name, v.nameEn, lang)}
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
