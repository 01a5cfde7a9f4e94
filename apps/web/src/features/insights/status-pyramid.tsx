import { Group, Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STATUS_ICON } from './insight-ui';
import { statusPyramid, valueName, type ValueTile } from './kpi-model';
import { formatNumber } from './table-model';
import '../values/values.css';

/** The experience pyramid (verrassend on top, basis at the bottom), each value coloured by its target status. */
export function StatusPyramid({ tiles, linkSearch }: { tiles: ValueTile[]; linkSearch: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} className="status-pyramid">
      <Title order={2} size="h4" id={id} mb="sm">
        {t('insights.overview.pyramid')}
      </Title>
      <ol className="pyramid">
        {statusPyramid(tiles).map((row, i) => (
          <li
            key={row.level}
            className={`pyramid-row pyramid-row-${i}`}
            aria-label={t(`values.levels.${row.level}`)}
          >
            <Paper withBorder p="xs" radius="md" className="pyramid-level">
              <Group justify="space-between" mb={4} gap={4}>
                <Text fw={700} size="sm">
                  {t(`values.levels.${row.level}`)}
                </Text>
                <Text size="xs" c="dimmed" fs="italic">
                  {t(`values.levelWords.${row.level}`)}
                </Text>
              </Group>
              {row.tiles.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('values.emptyLevel')}
                </Text>
              ) : (
                <div className="pyramid-values">
                  {row.tiles.map((tile) => (
                    <Link
                      key={tile.value.key}
                      to={`/insights/values/${encodeURIComponent(tile.value.key)}${linkSearch}`}
                      className={`pyramid-chip tone-${tile.provisional ? 'provisional' : tile.status}`}
                    >
                      <span className="pyramid-chip-name">{valueName(tile.value, i18n.language)}</span>
                      <span>
                        <span aria-hidden>{tile.provisional ? '◌' : STATUS_ICON[tile.status]} </span>
                        {tile.grade !== null && `${formatNumber(tile.grade, 'grade', i18n.language)} · `}
                        {tile.provisional
                          ? t('guidance.provisional', { n: tile.customerN })
                          : t(`insights.status.${tile.status}`)}
                      </span>
                    </Link>
                  ))}
                </div>
              )}
            </Paper>
          </li>
        ))}
      </ol>
    </Paper>
  );
}
