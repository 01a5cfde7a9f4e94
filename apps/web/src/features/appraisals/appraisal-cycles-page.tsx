import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AppraisalCycle } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/status-badge';
import { formatDate } from '../../components/format';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, QueryState } from '../../components/states';
import { writeCsv } from '../../lib/csv';
import { downloadText } from '../insights/insight-ui';
import { csvDialect } from '../insights/table-model';
import { NeedsAttention } from './appraisal-cycle-attention';
import { Calibration, Progress } from './appraisal-cycle-figures';
import { CycleForm } from './appraisal-cycle-form';
import { fetchCycleAppraisals, useAppraisalCycleAction, useAppraisalCycles } from './appraisals-api';

function CycleCard({ cycle }: { cycle: AppraisalCycle }) {
  const { t, i18n } = useTranslation();
  const action = useAppraisalCycleAction();
  const [calibrating, setCalibrating] = useState(false);
  const [csvError, setCsvError] = useState<unknown>(null);
  // Names, team, reviewer, stage and deadline; never answers.
  const downloadCsv = async () => {
    setCsvError(null);
    try {
      const rows = await fetchCycleAppraisals(cycle.id);
      const header = [
        t('appraisals.employee'),
        t('appraisals.team'),
        t('appraisals.reviewer'),
        t('appraisals.stageLabel'),
        t('appraisals.due'),
      ];
      const text = writeCsv(
        [
          header,
          ...rows.map((a) => [
            a.employeeName,
            a.teamName,
            a.reviewerName,
            t(`appraisals.stage.${a.stage}`),
            a.dueDate,
          ]),
        ],
        csvDialect(i18n.language),
      );
      downloadText(`${t('appraisals.cycles.csvFile')}-${cycle.name}.csv`, text);
    } catch (error) {
      setCsvError(error);
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {cycle.name}
          </Title>
          <StatusBadge color="blue">{t(`appraisals.cycles.status.${cycle.status}`)}</StatusBadge>
        </Group>
        <Text size="sm" c="dimmed">
          {formatDate(cycle.periodStart)} – {formatDate(cycle.periodEnd)} ·{' '}
          {t('appraisals.cycles.versionOption', { number: cycle.valuesVersionNumber })} ·{' '}
          {t('appraisals.cycles.appraisals', { count: cycle.appraisals })}
        </Text>
        <Text size="sm">
          {t('appraisals.cycles.selfReviewDue')}: {formatDate(cycle.selfReviewDue)} ·{' '}
          {t('appraisals.cycles.managerReviewDue')}: {formatDate(cycle.managerReviewDue)} ·{' '}
          {t('appraisals.cycles.conversationDue')}: {formatDate(cycle.conversationDue)} ·{' '}
          {t('appraisals.cycles.signOffDue')}: {formatDate(cycle.signOffDue)}
        </Text>
        {cycle.status !== 'draft' && <Progress cycleId={cycle.id} />}
        {cycle.status === 'open' && <NeedsAttention cycleId={cycle.id} />}
        {calibrating && <Calibration cycleId={cycle.id} />}
        {action.isError && <ErrorState error={action.error} />}
        {csvError !== null && <ErrorState error={csvError} />}
        <Group>
          {cycle.status !== 'closed' && (
            <Button
              variant={cycle.status === 'draft' ? 'filled' : 'default'}
              loading={action.isPending}
              onClick={() => action.mutate({ id: cycle.id, action: 'open' })}
            >
              {t('appraisals.cycles.openCycle')}
            </Button>
          )}
          {cycle.status !== 'draft' && (
            <>
              <Button
                variant="default"
                onClick={() => setCalibrating(!calibrating)}
                aria-expanded={calibrating}
              >
                {calibrating
                  ? t('appraisals.cycles.hideCalibration')
                  : t('appraisals.cycles.showCalibration')}
              </Button>
              <Button variant="default" onClick={() => void downloadCsv()}>
                {t('appraisals.cycles.csv')}
              </Button>
            </>
          )}
          {cycle.status === 'open' && (
            <Button
              variant="default"
              color="red"
              onClick={() => action.mutate({ id: cycle.id, action: 'close' })}
            >
              {t('appraisals.cycles.closeCycle')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** HR: appraisal cycles, opening them, and their progress per team and stage. */
export function AppraisalCyclesPage() {
  const { t } = useTranslation();
  const cycles = useAppraisalCycles();
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('appraisals.navCycles')}
      intro={t('appraisals.cycles.intro')}
      actions={!creating && <Button onClick={() => setCreating(true)}>{t('appraisals.cycles.new')}</Button>}
    >
      <Stack gap="md">
        {creating && <CycleForm onDone={() => setCreating(false)} />}
        <QueryState query={cycles}>
          {(list) =>
            list.length ? (
              list.map((c) => <CycleCard key={c.id} cycle={c} />)
            ) : (
              <EmptyState>{t('appraisals.cycles.none')}</EmptyState>
            )
          }
        </QueryState>
      </Stack>
    </Page>
  );
}
