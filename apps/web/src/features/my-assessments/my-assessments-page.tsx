import { Anchor, Badge, Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { MyAssessments, MyRound } from '@wk/contracts';
import { localized, SELF_LEVEL_LABELS } from '@wk/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { currentLanguage } from '../../i18n';
import { formatDecimal } from '../../lib/number-format';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { scoreSeries, valueLegend } from './history-series';
import { ValueScoresTable } from './value-scores-table';

// Distinguishable on white and for common colour blindness (Okabe-Ito).
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000'];
const score = (n: number | null) => (n === null ? '–' : formatDecimal(n, 1, currentLanguage()));

function ScoreChart({ rounds }: { rounds: MyRound[] }) {
  const { t, i18n } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const legend = valueLegend(rounds);
  const nameOf = (v: { nameNl: string; nameEn: string }) => localized(v.nameNl, v.nameEn, i18n.language);
  const label = (r: MyRound) =>
    new Date(r.opensAt).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  const data = scoreSeries(rounds, label);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="chart-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="chart-title">
          {t('myAssessments.chartTitle')}
        </Title>
        <Button size="xs" variant="default" onClick={() => setAsTable(!asTable)} aria-pressed={asTable}>
          {t('myAssessments.showTable')}
        </Button>
      </Group>
      {asTable ? (
        <Table.ScrollContainer minWidth={400}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('myAssessments.round')}</Table.Th>
                {legend.map((v) => (
                  <Table.Th key={v.key}>{nameOf(v)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((point) => (
                <Table.Tr key={point.label}>
                  <Table.Td>{point.label}</Table.Td>
                  {legend.map((v) => (
                    <Table.Td key={v.key}>
                      {score((point[v.key] as number | null | undefined) ?? null)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <div role="img" aria-label={t('myAssessments.chartLabel')}>
          <ResponsiveContainer width="100%" height={280}>
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid stroke="#dee2e6" />
              <XAxis dataKey="label" />
              <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} />
              <Tooltip formatter={(v) => score(typeof v === 'number' ? v : null)} />
              <Legend />
              {legend.map((v, i) => (
                <Line
                  key={v.key}
                  dataKey={v.key}
                  name={nameOf(v)}
                  stroke={COLOURS[i % COLOURS.length]}
                  strokeWidth={2}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </Paper>
  );
}

function RoundCard({ round, minimum }: { round: MyRound; minimum: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [showAnswers, setShowAnswers] = useState(false);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-label={`${round.cycleName} ${formatDateTime(round.opensAt)}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Title order={3} size="h5">
              {round.cycleName} · {formatDateTime(round.opensAt)}
            </Title>
            {round.completedAt ? (
              <Badge color="teal.9">{t('myAssessments.submitted')}</Badge>
            ) : round.closed ? (
              <Badge color="gray.8">{t('myAssessments.missed')}</Badge>
            ) : (
              <Badge color="orange.9">{t('myAssessments.open')}</Badge>
            )}
          </Group>
          {round.formPath && (
            <Anchor component={Link} to={round.formPath}>
              {round.completedAt ? t('myAssessments.change') : t('myAssessments.fillIn')}
            </Anchor>
          )}
        </Group>
        <ValueScoresTable values={round.values} tooFew={t('myAssessments.tooFew', { minimum })} />
        {round.answers.length > 0 && (
          <Group>
            <Button
              size="xs"
              variant="default"
              onClick={() => setShowAnswers(!showAnswers)}
              aria-expanded={showAnswers}
            >
              {t('myAssessments.myAnswers')}
            </Button>
          </Group>
        )}
        {showAnswers && (
          <Table>
            <Table.Tbody>
              {round.answers.map((a) => (
                <Table.Tr key={a.behaviourId}>
                  <Table.Td>
                    {t('values.behaviourPrefix')} {localized(a.textNl, a.textEn, lang)}
                  </Table.Td>
                  <Table.Td>
                    {a.level === null ? t('values.notApplicable') : SELF_LEVEL_LABELS[a.level][lang]}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/** An employee's own rounds: open forms, scores over time, team averages where the team is big enough. */
export function MyAssessmentsPage() {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: ['me', 'self-assessments'],
    queryFn: ({ signal }) => api<MyAssessments>('/me/self-assessments', { signal }),
  });
  return (
    <Page title={t('myAssessments.title')} intro={t('myAssessments.intro')}>
      <QueryState query={history}>
        {(data) =>
          data.rounds.length === 0 ? (
            <EmptyState>{t('myAssessments.empty')}</EmptyState>
          ) : (
            <Stack gap="md">
              <ScoreChart rounds={data.rounds} />
              {[...data.rounds].reverse().map((round) => (
                <RoundCard key={round.roundId} round={round} minimum={data.anonymityMinimum} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Page>
  );
}
