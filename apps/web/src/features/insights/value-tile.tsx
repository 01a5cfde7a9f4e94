import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { KpiReport } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChangeText, GapHelp, GapLabelBadge, TooFew, VerdictLabel } from './insight-ui';
import { SPARKLINE, sparkline, valueName, type ValueTile } from './kpi-model';
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
  const { points, targetY } = sparkline(tile.trend, tile.value.target);
  const { width, height } = SPARKLINE;
  return (
    <div className="sparkline">
      <span className="sr-only">
        {t('insights.tile.trend')}: {words}
      </span>
      <svg aria-hidden width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        <line x1={0} x2={width} y1={targetY} y2={targetY} stroke="#868e96" strokeDasharray="3 3" />
        <polyline
          points={points.map((p) => `${p.x},${p.y}`).join(' ')}
          fill="none"
          stroke="#1864ab"
          strokeWidth={2}
        />
        {points.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={2} fill="#fff" stroke="#1864ab" strokeWidth={2} />
        ))}
      </svg>
    </div>
  );
}

/** One value: recognition grade against its target, self index, the gap, trend and n. */
function ValueTileCard({
  tile,
  minimum,
  reliabilityMinimum,
  linkSearch,
}: {
  tile: ValueTile;
  minimum: number;
  reliabilityMinimum: number;
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
      className={`value-tile status-${tile.provisional ? 'provisional' : tile.status}`}
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
          <VerdictLabel
            status={tile.status}
            provisional={tile.provisional}
            n={tile.customerN}
            minimum={reliabilityMinimum}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t(`values.levels.${tile.value.level}`)}
        </Text>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
          <div>
            <Text size="xs" c="dimmed">
              {t('insights.tile.recognition')}
            </Text>
            {/* Each figure on its own scale, its 0-100 index beside it: the gap is made of indices. */}
            <Text fw={700} fz={28} lh={1.1} className="tile-grade">
              {grade}
              {tile.grade !== null && (
                <Text span fz="sm" fw={400} c="dimmed">
                  {' '}
                  {t('guidance.gradeScale')}
                </Text>
              )}
            </Text>
            {tile.customerIndex !== null && (
              <Text size="xs" className="tile-customer-index">
                {t('guidance.index', { index: formatNumber(tile.customerIndex, 'index', lang) })}
              </Text>
            )}
            <Text size="xs">{t('insights.tile.target', { target })}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('guidance.self')}
            </Text>
            {tile.self.kind === 'tooFew' ? (
              <TooFew minimum={minimum} />
            ) : tile.self.kind === 'stat' && tile.self.stat.score.mean !== null ? (
              <>
                <Text fw={700} fz={22} lh={1.2} className="tile-self">
                  {formatNumber(tile.self.stat.score.mean, 'self', lang)}
                  <Text span fz="sm" fw={400} c="dimmed">
                    {' '}
                    {t('guidance.selfScale')}
                  </Text>
                </Text>
                {tile.self.stat.index !== null && (
                  <Text size="xs" className="tile-self-index">
                    {t('guidance.index', { index: formatNumber(tile.self.stat.index, 'index', lang) })}
                  </Text>
                )}
              </>
            ) : (
              <Text fw={700} fz={22} lh={1.2}>
                –
              </Text>
            )}
          </div>
        </SimpleGrid>
        <Group gap={6} wrap="wrap" align="center">
          <Text size="sm">
            {t('insights.tile.gap')}: {tile.gap === null ? '–' : formatNumber(tile.gap, 'gap', lang)}
          </Text>
          <GapHelp />
          {/* A blind spot or hidden strength is a verdict too: not on a provisional grade. */}
          {tile.gapLabel && !tile.provisional && <GapLabelBadge label={tile.gapLabel} />}
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

/** The tiles of a report's values side by side (the overview and the team view). */
export function ValueTileGrid({
  tiles,
  report,
  linkSearch,
  className,
}: {
  tiles: ValueTile[];
  report: Pick<KpiReport, 'minimum' | 'reliabilityMinimum'>;
  linkSearch: string;
  className: string;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" className={className}>
      {tiles.map((tile) => (
        <ValueTileCard
          key={tile.value.key}
          tile={tile}
          minimum={report.minimum}
          reliabilityMinimum={report.reliabilityMinimum}
          linkSearch={linkSearch}
        />
      ))}
    </SimpleGrid>
  );
}
