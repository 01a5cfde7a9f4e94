import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Line, LineChart, ReferenceLine, YAxis } from 'recharts';
import { ChangeText, GapLabelBadge, StatusLabel, TooFew } from './insight-ui';
import { valueName, type ValueTile } from './kpi-model';
import { periodLabel } from './period-model';
import { formatNumber } from './table-model';

/** The grade trend as a tiny line with the target dashed; described in words for screen readers. */
function Sparkline({ tile }: { tile: ValueTile }) {
  const { t, i18n } = useTranslation();
  const words = tile.trend
    .map(
      (p) =>
        `${periodLabel(p.period, i18n.language)}: ${p.grade === null ? '–' : formatNumber(p.grade, 'grade', i18n.language)}`,
    )
    .join(', ');
  return (
    <div className="sparkline">
      <span className="sr-only">
        {t('insights.tile.trend')}: {words}
      </span>
      <div aria-hidden>
        <LineChart width={132} height={36} data={tile.trend} accessibilityLayer={false}>
          <YAxis
            hide
            domain={[
              (min: number) => Math.max(1, Math.min(min, tile.value.target) - 0.3),
              (max: number) => Math.min(10, Math.max(max, tile.value.target) + 0.3),
            ]}
          />
          <ReferenceLine y={tile.value.target} stroke="#868e96" strokeDasharray="3 3" />
          <Line
            dataKey="grade"
            stroke="#1864ab"
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </div>
    </div>
  );
}

/** One value: recognition grade against its target, self index, the gap, trend and n. */
export function ValueTileCard({
  tile,
  minimum,
  linkSearch,
}: {
  tile: ValueTile;
  minimum: number;
  linkSearch: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const name = valueName(tile.value, lang);
  const grade = tile.grade === null ? '–' : formatNumber(tile.grade, 'grade', lang);
  const target = formatNumber(tile.value.target, 'grade', lang);
  const selfN = tile.self.kind === 'stat' ? tile.self.stat.n : null;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-label={name}
      className={`value-tile status-${tile.status}`}
    >
      <Stack gap={8}>
        <Group justify="space-between" wrap="wrap" align="flex-start" gap={4}>
          <Title order={3} size="h4">
            <Anchor
              component={Link}
              to={`/insights/values/${encodeURIComponent(tile.value.key)}${linkSearch}`}
              inherit
            >
              {name}
            </Anchor>
          </Title>
          <StatusLabel status={tile.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {t(`values.levels.${tile.value.level}`)}
        </Text>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
          <div>
            <Text size="xs" c="dimmed">
              {t('insights.tile.recognition')}
            </Text>
            <Text fw={700} fz={28} lh={1.1}>
              {grade}
            </Text>
            <Text size="xs">{t('insights.tile.target', { target })}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('insights.tile.selfIndex')}
            </Text>
            {tile.self.kind === 'tooFew' ? (
              <TooFew minimum={minimum} />
            ) : (
              <Text fw={700} fz={22} lh={1.2}>
                {tile.self.kind === 'stat' && tile.self.stat.index !== null
                  ? formatNumber(tile.self.stat.index, 'index', lang)
                  : '–'}
              </Text>
            )}
          </div>
        </SimpleGrid>
        <Group gap={6} wrap="wrap">
          <Text size="sm">
            {t('insights.tile.gap')}: {tile.gap === null ? '–' : formatNumber(tile.gap, 'gap', lang)}
          </Text>
          {tile.gapLabel && <GapLabelBadge label={tile.gapLabel} />}
        </Group>
        <ChangeText change={tile.change} />
        <Group justify="space-between" align="flex-end" wrap="wrap" gap={4}>
          <Sparkline tile={tile} />
          <Text size="xs" c="dimmed" ta="right">
            {t('insights.tile.nCustomers', { count: tile.customerN })}
            <br />
            {selfN !== null
              ? t('insights.tile.nEmployees', { count: selfN })
              : tile.self.kind === 'tooFew'
                ? t('insights.tile.nEmployeesHidden')
                : t('insights.tile.nEmployeesNone')}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
