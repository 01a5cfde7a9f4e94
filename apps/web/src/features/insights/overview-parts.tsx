import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { KpiReport } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryState } from '../../components/states';
import { ChartCard } from './chart-card';
import { CycleParticipation } from './cycle-participation';
import { useKpis } from './insights-api';
import { ProvisionalLabel } from './insight-ui';
import { npsAt, provisionalN, valueTiles, type ValueTile } from './kpi-model';
import { periodLabel } from './period-model';
import { StatusPyramid } from './status-pyramid';
import { formatNumber } from './table-model';
import { tilesTable } from './tables';
import { useCycleParticipation } from './team-api';
import { useInsightsParams } from './use-insights-params';
import { ValueTileGrid } from './value-tile';

/** NPS and participation (per cycle) of the period, as plain figures with their n. */
export function SummaryCards({ report, at }: { report: KpiReport; at: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const nps = npsAt(report, at);
  const npsProvisional = !!nps && provisionalN(nps.n, report.reliabilityMinimum);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" className="summary-grid">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="nps-title">
        <Title order={2} size="h5" id="nps-title">
          {t('insights.overview.nps')}
        </Title>
        {nps && nps.nps !== null ? (
          <Stack gap={2}>
            <Group gap="xs" align="center">
              <Text fw={700} fz={28} c={npsProvisional ? 'dimmed' : undefined} className="nps-figure">
                {formatNumber(nps.nps, 'gap', lang)}
              </Text>
              {npsProvisional && <ProvisionalLabel n={nps.n} minimum={report.reliabilityMinimum} />}
            </Group>
            {npsProvisional && (
              <Text size="sm" c="dimmed">
                {t('guidance.provisionalNps', { minimum: report.reliabilityMinimum })}
              </Text>
            )}
            <Text size="sm">
              {t('insights.overview.npsParts', {
                promoters: nps.promoters,
                passives: nps.passives,
                detractors: nps.detractors,
                count: nps.n,
              })}
            </Text>
            {nps.overallGrade.mean !== null && (
              <Text size="sm">
                {t('insights.overview.overallGrade', {
                  grade: formatNumber(nps.overallGrade.mean, 'grade', lang),
                })}
              </Text>
            )}
          </Stack>
        ) : (
          <Text c="dimmed">{t('insights.overview.noNps')}</Text>
        )}
      </Paper>
      {/* Per self-assessment cycle: a quarterly measurement and a monthly pulse are never one mixed rate. */}
      <CycleParticipation />
    </SimpleGrid>
  );
}

/** The organisation's figures for the period in the URL: the overview body, or why there is none. */
export function OrganisationOverview({
  csvPrefix,
  filter = {},
}: {
  csvPrefix: string;
  /** One team (with the teams below it) and/or one value, as the board report can be cut. */
  filter?: { teamId?: string; valueKey?: string };
}) {
  const { t } = useTranslation();
  const { kind, at, atQuery, rangeQuery, periodSearch } = useInsightsParams();
  const kpis = useKpis({ ...rangeQuery, breakdown: 'organisation', ...filter });
  // The participation card's query (the same key), asked beside the KPIs, not once they have drawn it.
  useCycleParticipation({ ...atQuery, teamId: undefined }, kind !== 'wave' && !!at);
  return (
    <QueryState query={kpis}>
      {(report) =>
        report.values.length === 0 ? (
          <EmptyState>{t('insights.noValues')}</EmptyState>
        ) : (
          <OverviewBody
            report={report}
            tiles={valueTiles(report, at)}
            at={at}
            linkSearch={periodSearch}
            csvPrefix={csvPrefix}
          />
        )
      }
    </QueryState>
  );
}

/** The tiles (with their table and CSV), the pyramid and the summary of one period. */
export function OverviewBody({
  report,
  tiles,
  at,
  linkSearch,
  csvPrefix,
}: {
  report: KpiReport;
  tiles: ValueTile[];
  at: string;
  linkSearch: string;
  csvPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const period = periodLabel(at, i18n.language);
  const hasData = report.rows.some((r) => r.period === at);
  return (
    <Stack gap="md">
      {!hasData && (
        <Text c="dimmed" role="status">
          {t('insights.overview.noDataInPeriod', { period })}
        </Text>
      )}
      <SummaryCards report={report} at={at} />
      <ChartCard
        title={t('insights.overview.tilesTitle', { period })}
        label={t('insights.overview.tilesTitle', { period })}
        table={tilesTable(tiles, t, i18n.language)}
        csvName={[csvPrefix, at]}
        minimum={report.minimum}
        image={false}
      >
        <ValueTileGrid tiles={tiles} report={report} linkSearch={linkSearch} className="tile-grid" />
      </ChartCard>
      <StatusPyramid tiles={tiles} linkSearch={linkSearch} />
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {t('insights.overview.footnote', { minimum: report.minimum })}
        </Text>
      </Group>
    </Stack>
  );
}
