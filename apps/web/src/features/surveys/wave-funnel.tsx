import { Button, Group, List, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { Wave } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Funnel, FunnelChart, LabelList, ResponsiveContainer, Tooltip } from 'recharts';
import { formatDate, formatShare } from '../../components/format';
import { funnelNotes, funnelSteps, responseRateOf } from './wave-model';

// Light blues with dark labels and a dark outline: the labels stay readable (WCAG AA) even when a
// narrow step lets them run over the white background, and the outline keeps 3:1 against white.
const FILLS = ['#339af0', '#4dabf7', '#74c0fc', '#a5d8ff'];

/**
 * The funnel of one wave (the newest unless chosen), as a chart or as a table, with its response
 * rate: invited → sent or held → opened → answered, each step a subset of the one before. Held
 * mails, mails not sent and answers outside the funnel are named beside it, and so are the
 * survey's open-link answers, which belong to no wave.
 */
export function WaveFunnel({ waves, openLinkResponses = 0 }: { waves: Wave[]; openLinkResponses?: number }) {
  const { t } = useTranslation();
  const [waveId, setWaveId] = useState<string | null>(null);
  const [asTable, setAsTable] = useState(false);
  const wave = waves.find((w) => w.id === waveId) ?? waves[0];
  if (!wave) return null;
  const steps = funnelSteps(wave);
  // The second step says what it holds: sent, held (no mail server) or both.
  const stageName = (stage: string) =>
    stage !== 'reached'
      ? t(`waveFunnel.${stage}`)
      : wave.held === 0
        ? t('waveFunnel.sent')
        : wave.sent === 0
          ? t('waveFunnel.heldHeader')
          : t('waveFunnel.reached');
  const stageValue = (stage: string, value: number) =>
    stage === 'reached' && wave.held > 0 && wave.sent > 0
      ? t('waveFunnel.reachedSplit', { sent: wave.sent, held: wave.held })
      : String(value);
  const data = steps.map((s, i) => ({
    name: stageName(s.stage),
    value: s.value,
    label: `${stageName(s.stage)}: ${stageValue(s.stage, s.value)}`,
    fill: FILLS[i],
  }));
  const notes = funnelNotes(wave);
  const rate = responseRateOf(wave);
  const date = formatDate(wave.opensAt);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="funnel-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="funnel-title">
            {t('surveys.funnel.title')}
          </Title>
          <Button size="xs" variant="default" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {t('surveys.funnel.showTable')}
          </Button>
        </Group>
        {waves.length > 1 && (
          <Select
            label={t('surveys.funnel.wave')}
            maw={320}
            allowDeselect={false}
            data={waves.map((w) => ({
              value: w.id,
              label: t('surveys.funnel.waveOption', {
                date: formatDate(w.opensAt),
                kind: t(`surveys.waves.kinds.${w.kind}`),
              }),
            }))}
            value={wave.id}
            onChange={setWaveId}
          />
        )}
        <Text fw={600}>
          {rate === null
            ? t('surveys.funnel.noInvitations')
            : t('surveys.funnel.responseRate', {
                rate: formatShare(rate),
                answered: wave.answered,
                invited: wave.invited,
              })}
        </Text>
        {asTable ? (
          <Table aria-labelledby="funnel-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('surveys.funnel.stage')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('surveys.funnel.count')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('surveys.funnel.ofInvited')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {steps.map((s) => (
                <Table.Tr key={s.stage}>
                  <Table.Th scope="row" fw={400}>
                    {stageName(s.stage)}
                  </Table.Th>
                  <Table.Td ta="right">{stageValue(s.stage, s.value)}</Table.Td>
                  <Table.Td ta="right">{formatShare(s.share)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <div
            role="img"
            aria-label={t('waveFunnel.chartLabel', {
              date,
              invited: wave.invited,
              sent: wave.sent,
              held: wave.held,
              opened: wave.opened,
              answered: wave.answered,
            })}
          >
            <ResponsiveContainer width="100%" height={240}>
              <FunnelChart margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
                <Tooltip />
                <Funnel
                  dataKey="value"
                  nameKey="name"
                  data={data}
                  stroke="#1864ab"
                  isAnimationActive={false}
                  lastShapeType="rectangle"
                >
                  <LabelList
                    dataKey="label"
                    position="center"
                    fill="#1a1b1e"
                    stroke="none"
                    fontWeight={600}
                  />
                </Funnel>
              </FunnelChart>
            </ResponsiveContainer>
          </div>
        )}
        <Text size="sm" c="dimmed">
          {t('waveFunnel.explain')}
        </Text>
        {notes.length > 0 && (
          <List size="sm" className="funnel-notes">
            {notes.map((n) => (
              <List.Item key={n.key}>{t(`waveFunnel.${n.key}`, { count: n.count })}</List.Item>
            ))}
          </List>
        )}
        {openLinkResponses > 0 && (
          <Text size="sm">{t('waveFunnel.openLink', { count: openLinkResponses })}</Text>
        )}
      </Stack>
    </Paper>
  );
}
