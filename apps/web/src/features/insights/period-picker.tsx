import { Group, SegmentedControl, Select, Text } from '@mantine/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { periodLabel, periodOptions } from './period-model';
import { useInsightsParams } from './use-insights-params';

/** Quarter or month, and which one; both kept in the URL (`period`, `at`). */
export function PeriodPicker() {
  const { t, i18n } = useTranslation();
  const { kind, at, setKind, setAt } = useInsightsParams();
  const kindLabel = useId();
  const options = useMemo(() => {
    const keys = periodOptions(kind, new Date());
    if (!keys.includes(at)) keys.push(at);
    return keys.map((key) => ({ value: key, label: periodLabel(key, i18n.language) }));
  }, [kind, at, i18n.language]);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" className="no-print period-picker">
      <div>
        <Text component="span" size="sm" fw={500} id={kindLabel} display="block" mb={4}>
          {t('insights.period.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby={kindLabel}
          value={kind}
          onChange={(value) => setKind(value === 'month' ? 'month' : 'quarter')}
          data={[
            { value: 'quarter', label: t('insights.period.quarter') },
            { value: 'month', label: t('insights.period.month') },
          ]}
        />
      </div>
      <Select
        label={t('insights.period.at')}
        data={options}
        value={at}
        onChange={(value) => value && setAt(value)}
        allowDeselect={false}
        w={180}
      />
    </Group>
  );
}
