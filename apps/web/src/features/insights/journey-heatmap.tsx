import { Button, SegmentedControl } from '@mantine/core';
import type { ActionCell, KpiGroup, KpiRow, KpiValueInfo } from '@wk/contracts';
import { localized } from '@wk/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/states';
import { useMe } from '../auth/session';
import { ActionModalOnDemand } from './action-modal-on-demand';
import { heatmap } from './heatmap-model';
import { HeatmapTable } from './heatmap-table';
import { useKpis } from './insights-api';
import { focusFirst, valueName } from './kpi-model';
import { periodLabel } from './period-model';
import { useInsightsParams } from './use-insights-params';

type JourneyBreakdown = 'journey' | 'touchpoint';

/** Rows with the group's English name when the reader reads English (libs/domain localized). */
export const localizedRows = (rows: KpiRow[], lang: string): KpiRow[] =>
  rows.map((r) => ({ ...r, group: { ...r.group, name: localized(r.group.name, r.group.nameEn, lang) } }));

/** The action cell of a journey or touchpoint row (customer grade, one calendar period). */
export function journeyCell(
  valueKey: string,
  group: KpiGroup,
  periodKind: 'month' | 'quarter',
  period: string,
): ActionCell {
  return {
    valueKey,
    journeyId: group.kind === 'journey' ? group.id : null,
    touchpointId: group.kind === 'touchpoint' ? group.id : null,
    periodKind,
    period,
    metric: 'customer',
  };
}

/**
 * The customer grade of each value per journey or per touchpoint (this value first); HR and admins
 * create an action from a row with the value × journey or value × touchpoint cell prefilled.
 */
export function JourneyHeatmap({ value, csvKey }: { value: KpiValueInfo; csvKey: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { kind, at, atQuery, get, update } = useInsightsParams();
  const by: JourneyBreakdown = get('cells') === 'touchpoint' ? 'touchpoint' : 'journey';
  const report = useKpis({ ...atQuery, breakdown: by });
  const role = useMe().data?.role;
  const [cell, setCell] = useState<{ cell: ActionCell; describe: string } | null>(null);
  const mayAct = (role === 'hr' || role === 'admin') && (kind === 'month' || kind === 'quarter');
  const rowAction = (g: KpiGroup) => {
    if (!mayAct || g.id === null || (kind !== 'month' && kind !== 'quarter')) return null;
    const describe = [valueName(value, lang), g.name, periodLabel(at, lang)].join(' · ');
    return (
      <Button
        size="compact-xs"
        variant="default"
        ml="xs"
        aria-label={t('actions.createFor', {
          value: valueName(value, lang),
          group: g.name,
          period: periodLabel(at, lang),
        })}
        onClick={() => setCell({ cell: journeyCell(value.key, g, kind, at), describe })}
      >
        {t('actions.create')}
      </Button>
    );
  };
  return (
    <>
      <ActionModalOnDemand
        cell={cell?.cell ?? null}
        describe={cell?.describe ?? ''}
        onClose={() => setCell(null)}
      />
      <QueryState query={report}>
        {(data) => (
          <HeatmapTable
            map={heatmap(localizedRows(data.rows, lang), focusFirst(data.values, value.key), at, 'customer')}
            title={t('actions.journeyCells.title')}
            intro={t('actions.journeyCells.intro', { minimum: data.minimum })}
            groupHeader={t(`actions.journeyCells.${by}`)}
            metricLabel={t('insights.table.grade')}
            csvName={[csvKey, by, at]}
            minimum={data.minimum}
            rowAction={rowAction}
            controls={
              <SegmentedControl
                size="xs"
                aria-label={t('actions.journeyCells.by')}
                value={by}
                onChange={(b) => update({ cells: b === 'touchpoint' ? 'touchpoint' : null })}
                data={[
                  { value: 'journey', label: t('actions.journeyCells.journey') },
                  { value: 'touchpoint', label: t('actions.journeyCells.touchpoint') },
                ]}
              />
            }
          />
        )}
      </QueryState>
    </>
  );
}
