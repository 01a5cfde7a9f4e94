import type { SurveyStatus } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/status-badge';

export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge color={status === 'active' ? 'teal' : 'gray'}>{t(`surveys.statuses.${status}`)}</StatusBadge>
  );
}
