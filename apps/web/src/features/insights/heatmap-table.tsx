import { Anchor, Text } from '@mantine/core';
import type { KpiGroup } from '@wk/contracts';
import type { GapLabel, TargetStatus } from '@wk/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InsightSection } from './insight-section';
import { GAP_ICON, STATUS_ICON, TooFew, downloadText, useCellTexts } from './insight-ui';
import { type Heatmap, heatmapTable } from './heatmap-model';
import { valueName } from './kpi-model';
import { csvFileName, formatCell, isTooFew, tableToCsv } from './table-model';

const GAP_LABELS = new Set<string>(['blind_spot', 'aligned', 'hidden_strength']);
const iconOf = (label: GapLabel | TargetStatus) =>
  GAP_LABELS.has(label) ? GAP_ICON[label as GapLabel] : STATUS_ICON[label as TargetStatus];

/**
 * A group x value heatmap as a real table (it is its own table alternative): the caption names it,
 * rows are groups (linked where `rowLink` gives a path), each cell shows its number and label on a tint.
 */
export function HeatmapTable({
  map,
  title,
  groupHeader,
  metricLabel,
  csvName,
  rowLink,
  minimum,
  intro,
  controls,
  leadRows = 0,
  rowAction,
}: {
  map: Heatmap;
  title: string;
  groupHeader: string;
  metricLabel: string;
  csvName: string[];
  rowLink?: (group: KpiGroup) => string | null;
  minimum?: number;
  intro?: ReactNode;
  controls?: ReactNode;
  /** How many first rows are reference rows (the organisation): set apart by a double line. */
  leadRows?: number;
  /** A control per row after its name (e.g. "Actie maken" for the row's cell). */
  rowAction?: (group: KpiGroup) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const texts = useCellTexts();
  const labelText = (label: GapLabel | TargetStatus) =>
    GAP_LABELS.has(label) ? t(`insights.gapLabels.${label}`) : t(`insights.status.${label}`);
  const csv = () =>
    downloadText(
      csvFileName(...csvName),
      tableToCsv(
        heatmapTable(map, {
          group: groupHeader,
          value: t('insights.table.value'),
          metric: metricLabel,
          label: t('insights.table.label'),
          valueName: (v) => valueName(v, lang),
          labelText,
        }),
        lang,
        texts,
      ),
    );
  return (
    <InsightSection title={title} intro={intro} tools={controls} onDownloadCsv={csv}>
      {map.rows.length === 0 ? (
        <Text c="dimmed">{t('insights.noGroups')}</Text>
      ) : (
        <div
          className="heatmap-scroll"
          style={{ overflowX: 'auto' }}
          tabIndex={0}
          role="region"
          aria-label={title}
        >
          <table className="heatmap">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{groupHeader}</th>
                {map.values.map((v) => (
                  <th scope="col" key={v.key}>
                    {valueName(v, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {map.rows.map((row, r) => {
                const to = rowLink?.(row.group);
                return (
                  <tr
                    key={`${row.group.kind}:${row.group.id ?? ''}`}
                    className={r === leadRows - 1 ? 'heatmap-lead' : undefined}
                  >
                    <th scope="row">
                      {to ? (
                        <Anchor component={Link} to={to} size="sm">
                          {row.group.name}
                        </Anchor>
                      ) : (
                        row.group.name
                      )}
                      {rowAction?.(row.group)}
                    </th>
                    {row.cells.map((cell) => (
                      <td key={cell.valueKey} className={`tone-${cell.tone}`}>
                        {isTooFew(cell.value) ? (
                          <TooFew minimum={minimum} />
                        ) : (
                          <>
                            <span className="heatmap-number">
                              {formatCell(cell.value, map.kind, lang, texts)}
                            </span>
                            {cell.label && (
                              <span>
                                <span aria-hidden>{iconOf(cell.label)} </span>
                                {labelText(cell.label)}
                              </span>
                            )}
                          </>
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </InsightSection>
  );
}
