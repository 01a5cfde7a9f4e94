import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/states';
import { formatNumber } from './table-model';
import { useCycleParticipation } from './team-api';
import { cyclesAt } from './team-model';
import { useInsightsParams } from './use-insights-params';

/**
 * Participation of period `at` per self-assessment cycle: a quarterly measurement and a monthly
 * pulse are two rates, never one mixed rate. For the organisation, or a team with its sub-teams.
 */
export function CycleParticipation({ teamId }: { teamId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const { kind, at, atQuery } = useInsightsParams();
  const query = useCycleParticipation({ ...atQuery, teamId }, kind !== 'wave' && !!at);
  if (kind === 'wave') return null;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby={id}
      className="cycle-participation"
    >
      <Stack gap="xs">
        <Title order={2} size="h5" id={id}>
          {t('insights.teamView.participation.title')}
        </Title>
        <QueryState query={query}>
          {(rows) => {
            const cycles = cyclesAt(rows, at);
            if (cycles.length === 0)
              return <Text c="dimmed">{t('insights.teamView.participation.none')}</Text>;
            return (
              <SimpleGrid cols={{ base: 1, xs: Math.min(cycles.length, 3) }} spacing="sm">
                {cycles.map((c) => (
                  <div key={c.cycleId}>
                    <Text size="sm" c="dimmed">
                      {c.cycleName}
                    </Text>
                    <Text fw={700} fz={24}>
                      {c.rate === null ? '–' : formatNumber(c.rate, 'share', lang)}
                    </Text>
                    <Text size="sm">
                      {t('insights.teamView.participation.parts', {
                        completed: c.completed,
                        invited: c.invited,
                      })}
                    </Text>
                  </div>
                ))}
              </SimpleGrid>
            );
          }}
        </QueryState>
        {kind !== 'round' && (
          <Text size="xs" c="dimmed">
            {t('insights.teamView.participation.intro')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
