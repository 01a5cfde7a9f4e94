import { ActionIcon, Text, Tooltip } from '@mantine/core';
import type { ChangeStat } from '@wk/contracts';
import type { GapLabel, TargetStatus } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/status-badge';
import { formatNumber, type CellTexts } from './table-model';
import './insights.css';

/** Small shared pieces: status and gap labels with an icon and text (colour is never the only signal). */

export const STATUS_ICON: Record<TargetStatus, string> = {
  on_target: '✓',
  near: '≈',
  below: '▼',
  no_data: '–',
};
export const STATUS_COLOR: Record<TargetStatus, string> = {
  on_target: 'teal',
  near: 'yellow',
  below: 'red',
  no_data: 'gray',
};
export const GAP_ICON: Record<GapLabel, string> = { blind_spot: '↓', aligned: '=', hidden_strength: '↑' };
export const GAP_COLOR: Record<GapLabel, string> = {
  blind_spot: 'orange',
  aligned: 'gray',
  hidden_strength: 'blue',
};

export function StatusLabel({ status }: { status: TargetStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge color={STATUS_COLOR[status]}>
      <span aria-hidden>{STATUS_ICON[status]} </span>
      {t(`insights.status.${status}`)}
    </StatusBadge>
  );
}

export function GapLabelBadge({ label }: { label: GapLabel }) {
  const { t } = useTranslation();
  return (
    <StatusBadge color={GAP_COLOR[label]}>
      <span aria-hidden>{GAP_ICON[label]} </span>
      {t(`insights.gapLabels.${label}`)}
    </StatusBadge>
  );
}

/** "voorlopig (n = 12)": a customer aggregate below the reliability minimum, neutral instead of a verdict. */
export function ProvisionalLabel({ n, minimum }: { n: number; minimum: number }) {
  const { t } = useTranslation();
  return (
    <span className="provisional-label" title={t('guidance.provisionalHint', { minimum })}>
      <StatusBadge color="gray">
        <span aria-hidden>◌ </span>
        {t('guidance.provisional', { n })}
      </StatusBadge>
    </span>
  );
}

/** The target status, or "voorlopig" when there are too few customer answers for a verdict. */
export function VerdictLabel({
  status,
  provisional,
  n,
  minimum,
}: {
  status: TargetStatus;
  provisional: boolean;
  n: number;
  minimum: number;
}) {
  return provisional ? <ProvisionalLabel n={n} minimum={minimum} /> : <StatusLabel status={status} />;
}

/** A small "?" that explains how the gap is computed (hover, focus or tap). */
export function GapHelp() {
  const { t } = useTranslation();
  return (
    <Tooltip
      label={t('guidance.gapHelp')}
      multiline
      w={300}
      events={{ hover: true, focus: true, touch: true }}
    >
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        radius="xl"
        aria-label={`${t('guidance.gapHelpLabel')} ${t('guidance.gapHelp')}`}
        className="gap-help"
      >
        ?
      </ActionIcon>
    </Tooltip>
  );
}

/** "te weinig antwoorden": where an employee aggregate is held back by the anonymity minimum. */
export function TooFew({ minimum }: { minimum?: number }) {
  const { t } = useTranslation();
  return (
    <Text
      span
      size="sm"
      fs="italic"
      className="too-few-text"
      title={minimum ? t('insights.tooFewHint', { minimum }) : undefined}
    >
      {t('insights.tooFew')}
    </Text>
  );
}

/** "▲ +0,6 t.o.v. vorige periode (significant)". */
export function ChangeText({ change }: { change: ChangeStat | null }) {
  const { t, i18n } = useTranslation();
  if (!change) return null;
  const arrow = change.difference > 0 ? '▲' : change.difference < 0 ? '▼' : '=';
  return (
    <Text size="xs" c="dimmed">
      <span aria-hidden>{arrow} </span>
      {t(change.significant ? 'insights.changeSignificant' : 'insights.changeNotSignificant', {
        difference: formatNumber(change.difference, 'grade', i18n.language, true),
      })}
    </Text>
  );
}

/** The texts formatCell and tableToCsv need, in the reader's language. */
export function useCellTexts(): CellTexts & { low: string; high: string } {
  const { t } = useTranslation();
  return {
    tooFew: t('insights.tooFew'),
    undefinedInterval: t('insights.intervalUndefined'),
    low: t('insights.table.low'),
    high: t('insights.table.high'),
  };
}

/** Saves text as a file through a temporary link (UTF-8 with BOM so Excel reads accents). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
