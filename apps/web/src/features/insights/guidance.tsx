import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ActionCell, KpiReport, KpiValueInfo } from '@wk/contracts';
import { focusCells, type FocusCell, readingText, valueReading } from '@wk/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, QueryState } from '../../components/states';
import { formatNumber } from '../../lib/number-format';
import { ActionModalOnDemand } from './action-modal-on-demand';
import { useMe } from '../auth/session';
import { useBehaviours, useKpis } from './insights-api';
import { findRow, valueName } from './kpi-model';
import { periodLabel } from './period-model';
import { useInsightsParams } from './use-insights-params';

/**
 * Guidance (issue 17 item 3), computed here from the insights responses the pages already load
 * (libs/domain guidance.ts decides; this only words it): the reading of one value and the focus cells.
 */

const limitsOf = (report: KpiReport) => ({
  anonymityMinimum: report.minimum,
  reliabilityMinimum: report.reliabilityMinimum,
});

/** The reading of a value in period `at` on its detail page: kind, both indices, lowest touchpoint, weakest behaviour. */
export function ValueReadingCard({ value, report }: { value: KpiValueInfo; report: KpiReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const { kind, at, atQuery } = useInsightsParams();
  const me = useMe().data;
  // Outside HR the api refuses an organisation-wide touchpoint split; rounds have no customers, waves no employees.
  const hr = me?.role === 'hr' || me?.role === 'admin';
  const touchpoints = useKpis(
    { ...atQuery, breakdown: 'touchpoint', valueKey: value.key },
    hr && kind !== 'round',
  );
  const behaviours = useBehaviours({ ...atQuery, valueKey: value.key }, kind !== 'wave');
  const reading = valueReading(
    findRow(report.rows, at, value.key),
    (touchpoints.data?.rows ?? []).filter((r) => r.period === at && r.valueKey === value.key),
    (behaviours.data?.behaviours ?? []).filter((b) => b.period === at && b.valueKey === value.key),
    limitsOf(report),
  );
  // The sentences are libs/domain's (reading-text.ts), shared with the board report PDF.
  const text = readingText(
    reading,
    {
      valueName: valueName(value, lang),
      grade: findRow(report.rows, at, value.key)?.customer?.grade.mean ?? null,
      target: value.target,
      reliabilityMinimum: report.reliabilityMinimum,
    },
    lang === 'en' ? 'en' : 'nl',
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} className="value-reading">
      <Title order={2} size="h4" id={id}>
        {t('guidance.reading.title')}
      </Title>
      <Text size="xs" c="dimmed" mb={4}>
        {t('guidance.reading.intro', { period: periodLabel(at, lang) })}
      </Text>
      <Text className={`reading-${reading.kind}`}>{text}</Text>
    </Paper>
  );
}

/** The focus cells in words, each with a link to its value and (where the caller may) "Actie maken". */
function FocusList({ report, cells }: { report: KpiReport; cells: FocusCell[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { kind, at, periodSearch } = useInsightsParams();
  const me = useMe().data;
  const [open, setOpen] = useState<{ cell: ActionCell; describe: string } | null>(null);
  const period = periodLabel(at, lang);
  if (cells.length === 0) return <Text c="dimmed">{t('guidance.focus.empty', { period })}</Text>;
  const calendar = kind === 'month' || kind === 'quarter';
  const mayAct = (c: FocusCell) =>
    calendar &&
    (me?.role === 'hr' || me?.role === 'admin' || (me?.role === 'manager' && c.group.kind === 'team'));
  return (
    <>
      <ActionModalOnDemand
        cell={open?.cell ?? null}
        describe={open?.describe ?? ''}
        onClose={() => setOpen(null)}
      />
      <List spacing="xs" className="focus-list">
        {cells.map((c) => {
          const info = report.values.find((v) => v.key === c.valueKey);
          const name = info ? valueName(info, lang) : c.valueKey;
          const describe = [name, c.group.name, period].join(' · ');
          return (
            <List.Item key={`${c.valueKey}-${c.group.kind}-${c.group.id}`}>
              <Group gap="xs" wrap="wrap">
                <Anchor
                  component={Link}
                  to={`/insights/values/${encodeURIComponent(c.valueKey)}${periodSearch}`}
                >
                  {name} · {c.group.name}
                </Anchor>
                <Text span size="sm">
                  {t(`guidance.focus.reasons.${c.reason}`, {
                    self: c.selfIndex === null ? '–' : formatNumber(c.selfIndex, 'index', lang),
                    customer: c.customerIndex === null ? '–' : formatNumber(c.customerIndex, 'index', lang),
                    size: formatNumber(c.size, 'index', lang),
                  })}
                </Text>
                {mayAct(c) && calendar && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    aria-label={t('actions.createFor', { value: name, group: c.group.name, period })}
                    onClick={() =>
                      setOpen({
                        describe,
                        cell: {
                          valueKey: c.valueKey,
                          teamId: c.group.kind === 'team' ? c.group.id : null,
                          journeyId: c.group.kind === 'journey' ? c.group.id : null,
                          periodKind: kind,
                          period: at,
                          metric: c.reason === 'selfDrop' ? 'self' : 'customer',
                        },
                      })
                    }
                  >
                    {t('actions.create')}
                  </Button>
                )}
              </Group>
            </List.Item>
          );
        })}
      </List>
    </>
  );
}

/**
 * "Waar nu op letten" on the overview: the 1-3 value × team / journey cells of period `at` with the
 * largest solid gap or significant drop. HR sees teams and journeys, a manager its teams, employees nothing.
 */
export function FocusBlock() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const me = useMe().data;
  const { kind, at, atQuery } = useInsightsParams();
  const hr = me?.role === 'hr' || me?.role === 'admin';
  const shown = hr || me?.role === 'manager';
  const calendar = kind === 'month' || kind === 'quarter';
  const teams = useKpis({ ...atQuery, breakdown: 'team' }, shown && calendar);
  const journeys = useKpis({ ...atQuery, breakdown: 'journey' }, hr && calendar);
  if (!shown) return null;
  const period = periodLabel(at, i18n.language);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} className="focus-block">
      <Stack gap={6}>
        <Title order={2} size="h4" id={id}>
          {t('guidance.focus.title')}
        </Title>
        {!calendar ? (
          <Text c="dimmed">{t('guidance.focus.calendarOnly')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('guidance.focus.intro', { period })}
            </Text>
            <QueryState query={teams}>
              {(report) => {
                if (hr && journeys.isPending) return <Loading />;
                const rows = [...report.rows, ...(journeys.data?.rows ?? [])].filter(
                  (r) => r.period === at && (r.group.kind === 'team' || r.group.kind === 'journey'),
                );
                return <FocusList report={report} cells={focusCells(rows, limitsOf(report))} />;
              }}
            </QueryState>
          </>
        )}
      </Stack>
    </Paper>
  );
}
