import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useInsightsParams } from './use-insights-params';

/** Says why a round shows no customers and a wave no self-image (and so neither a gap). */
export function PeriodScopeNote() {
  const { t } = useTranslation();
  const { kind } = useInsightsParams();
  if (kind !== 'round' && kind !== 'wave') return null;
  return (
    <Text size="sm" c="dimmed" role="note">
      {t(kind === 'round' ? 'insights.period.roundOnly' : 'insights.period.waveOnly')}
    </Text>
  );
}
