import { Group, SegmentedControl, Select, Text } from '@mantine/core';
import type { PeriodInfo, PeriodKind } from '@wk/contracts';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { openingDay, periodLabel, periodOptions } from './period-model';
import { useInsightsParams } from './use-insights-params';

const KINDS: PeriodKind[] = ['quarter', 'month', 'round', 'wave'];

/** Rounds or waves grouped by their cycle or survey, newest first, each named by the day it opened. */
function eventOptions(choices: PeriodInfo[], lang: string) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const choice of choices) {
    const group = choice.seriesName ?? '';
    groups.set(group, [...(groups.get(group) ?? []), { value: choice.key, label: openingDay(choice, lang) }]);
  }
  return [...groups.entries()].map(([group, items]) => ({ group, items }));
}

/**
 * The kind of period (quarter, month, and where a page can show them on their own: round, wave)
 * and which one; both kept in the URL (`period`, `at`). `available`: only these periods are offered
 * (the team view: the measurements the team took part in).
 */
export function PeriodPicker({ available }: { available?: string[] } = {}) {
  const { t, i18n } = useTranslation();
  const { kind, calendarKind, eventsShown, at, choices, setKind, setAt } = useInsightsParams();
  const isEvent = kind === 'round' || kind === 'wave';
  const kinds = eventsShown ? KINDS : KINDS.slice(0, 2);
  const kindLabel = useId();
  const options = useMemo(() => {
    const offered = (key: string) => !available || available.includes(key);
    if (isEvent)
      return eventOptions(
        (choices.data ?? []).filter((c) => offered(c.key)),
        i18n.language,
      );
    const keys = periodOptions(calendarKind, new Date()).filter(offered);
    if (at && !keys.includes(at)) keys.push(at);
    return keys.map((key) => ({ value: key, label: periodLabel(key, i18n.language) }));
  }, [isEvent, choices.data, calendarKind, at, i18n.language, available]);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" className="no-print period-picker">
      <div>
        <Text component="span" size="sm" fw={500} id={kindLabel} display="block" mb={4}>
          {t('insights.period.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby={kindLabel}
          value={kind}
          onChange={(value) => setKind(kinds.find((k) => k === value) ?? 'quarter')}
          data={kinds.map((k) => ({ value: k, label: t(`insights.period.${k}`) }))}
        />
      </div>
      <Select
        label={t(isEvent ? `insights.period.${kind}At` : 'insights.period.at')}
        data={options}
        value={at || null}
        placeholder={choices.isLoading ? t('common.loading') : t(`insights.period.none.${kind}`)}
        onChange={(value) => value && setAt(value)}
        allowDeselect={false}
        searchable={isEvent}
        w={isEvent ? 280 : 180}
      />
    </Group>
  );
}
