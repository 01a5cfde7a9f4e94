import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useInsightsParams } from './use-insights-params';

/** Shows its children once the period is known: at once for months and quarters, after the list of rounds or waves loads. */
export function PeriodGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { kind, at, choices } = useInsightsParams();
  if (kind !== 'round' && kind !== 'wave') return children;
  if (choices.isPending) return <Loading />;
  if (choices.isError) return <ErrorState error={choices.error} onRetry={() => void choices.refetch()} />;
  if (!at) return <EmptyState>{t(`insights.period.none.${kind}`)}</EmptyState>;
  return children;
}
