import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Cycle } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDateTime } from '../../components/format';
import { ErrorState, SuccessNote } from '../../components/states';
import { cadenceInWords } from '../../lib/cadence-words';
import { useCan } from '../auth/session';
import { useCycleAction, useCycleAudience, useOpenRound } from './cycles-api';
import { Rounds } from './rounds';

/** "Open a round now?" with how many people will be invited; a still-open round is said in words. */
function OpenRoundDialog({
  cycle,
  openRound,
  onClose,
}: {
  cycle: Cycle;
  openRound: ReturnType<typeof useOpenRound>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const audience = useCycleAudience(cycle.id);
  const error =
    openRound.error instanceof ApiError && openRound.error.body.code === 'round_open'
      ? t('cycles.roundStillOpen')
      : (openRound.error ?? audience.error);
  return (
    <ConfirmDialog
      title={t('cycles.confirmOpenTitle')}
      message={audience.data ? t('cycles.confirmOpen', { count: audience.data.people }) : t('common.loading')}
      confirmLabel={t('cycles.confirmOpenButton')}
      danger={false}
      loading={openRound.isPending || audience.isPending}
      error={error}
      onConfirm={() => openRound.mutate(cycle.id, { onSuccess: onClose })}
      onClose={onClose}
    />
  );
}

/** A cycle: its rhythm, open now / pause / archive, and its rounds. */
export function CycleCard({ cycle }: { cycle: Cycle }) {
  const { t, i18n } = useTranslation();
  const writable = useCan()('cycles.write');
  const action = useCycleAction();
  const openRound = useOpenRound();
  const [confirming, setConfirming] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={cycle.name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Title order={2} size="h4">
              {cycle.name}
            </Title>
            <Badge color={cycle.status === 'active' ? 'teal.9' : 'gray.8'}>
              {t(`cycles.statuses.${cycle.status}`)}
            </Badge>
          </Group>
          {writable && cycle.status !== 'archived' && (
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() => {
                  openRound.reset();
                  setConfirming(true);
                }}
              >
                {t('cycles.openNow')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() =>
                  action.mutate({ id: cycle.id, action: cycle.status === 'active' ? 'pause' : 'resume' })
                }
              >
                {cycle.status === 'active' ? t('cycles.pause') : t('cycles.resume')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => action.mutate({ id: cycle.id, action: 'archive' })}
              >
                {t('cycles.archive')}
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('cycles.summary', {
            version: cycle.valuesVersionNumber,
            cadence: cadenceInWords(cycle.cron, t, i18n.language),
            timeZone: cycle.timeZone,
            days: cycle.windowDays,
          })}
          {cycle.nextRunAt ? ` · ${t('cycles.next', { date: formatDateTime(cycle.nextRunAt) })}` : ''}
        </Text>
        {action.isError && <ErrorState error={action.error} />}
        {openRound.isSuccess && <SuccessNote>{t('cycles.roundOpened')}</SuccessNote>}
        {confirming && (
          <OpenRoundDialog cycle={cycle} openRound={openRound} onClose={() => setConfirming(false)} />
        )}
        <Rounds cycle={cycle} />
      </Stack>
    </Paper>
  );
}
