import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ManagerPerspective as Perspective } from '@wk/contracts';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { QueryState } from '../../components/states';
import { formatNumber, numberLocale } from '../../lib/number-format';
import { Plot } from '../insights/chart-style';

// The line loads after the table (Recharts is the dashboard's largest script; issue 13).
const PerspectivePlot = lazy(() =>
  import('./perspective-plot').then((m) => ({ default: m.PerspectivePlot })),
);

/** The trend over cycles, oldest first; a cycle below the anonymity minimum is a gap, never a point. */
export function perspectiveSeries(p: Perspective): { cycle: string; index: number | null }[] {
  return [...p.cycles].reverse().map((c) => ({ cycle: c.cycleName, index: c.suppressed ? null : c.index }));
}

/**
 * The third perspective on a value beside self and customer: how managers rated it in the
 * appraisals (organisation-wide per cycle; the api hides cycles below the anonymity minimum), as a
 * line over the cycles (index 0-100, the self index's scale) and as a table.
 */
export function ManagerPerspective({ valueKey }: { valueKey: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['appraisals', 'perspective', valueKey],
    queryFn: ({ signal }) => api<Perspective>('/appraisals/perspective', { query: { valueKey }, signal }),
  });
  const level = new Intl.NumberFormat(numberLocale(i18n.language), { maximumFractionDigits: 1 });
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('appraisals.perspective.title')}
        </Title>
        <QueryState query={query}>
          {(p) => {
            if (p.cycles.length === 0) return <Text size="sm">{t('appraisals.perspective.none')}</Text>;
            const series = perspectiveSeries(p);
            return (
              <>
                <Text size="sm" c="dimmed">
                  {t('appraisals.perspective.intro', { min: p.minimum })}
                </Text>
                {series.filter((s) => s.index !== null).length >= 2 && (
                  // The table below says the same in words; the line is for the eye.
                  <div aria-hidden="true">
                    <Text size="sm" fw={700}>
                      {t('appraisals.perspective.trend')}
                    </Text>
                    <Plot height={200}>
                      <PerspectivePlot series={series} />
                    </Plot>
                  </div>
                )}
                <Table.ScrollContainer minWidth={320}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('appraisals.cycle')}</Table.Th>
                        <Table.Th>n</Table.Th>
                        <Table.Th>{t('appraisals.perspective.mean')}</Table.Th>
                        <Table.Th>{t('appraisals.perspective.index')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {p.cycles.map((c) => (
                        <Table.Tr key={c.cycleId}>
                          <Table.Th scope="row">{c.cycleName}</Table.Th>
                          <Table.Td>{c.n}</Table.Td>
                          <Table.Td>
                            {c.suppressed || c.mean === null
                              ? t('appraisals.cycles.tooFew', { n: c.n })
                              : level.format(c.mean)}
                          </Table.Td>
                          <Table.Td>
                            {c.index === null ? '–' : formatNumber(c.index, 'index', i18n.language)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            );
          }}
        </QueryState>
      </Stack>
    </Paper>
  );
}
