import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Survey, Wave } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDate, formatDateTime, formatShare } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { ErrorState, SuccessNote } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { useSendWave, useUpdateWave, useWaveAction } from './surveys-api';
import { FUNNEL_STAGES, responseRateOf, waveActions } from './wave-model';
import { YouSaidDialog } from './you-said-dialog';

/** A known api refusal in words; anything else as the api says it. */
function useWaveError() {
  const { t } = useTranslation();
  return (error: unknown) => {
    const code = error instanceof ApiError ? error.body.code : undefined;
    if (code === 'no_pending_contacts') return t('surveys.errors.noPendingContacts');
    if (code === 'already_reminded') return t('surveys.errors.alreadyReminded');
    return error;
  };
}

function WaveState({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      {wave.closedAt ? (
        <StatusBadge color="gray">{t('surveys.waves.closed')}</StatusBadge>
      ) : (
        <StatusBadge color="teal">
          {t('surveys.waves.openUntil', { date: formatDate(wave.closesAt) })}
        </StatusBadge>
      )}
      {wave.reminderSentAt && (
        <Text size="xs" c="dimmed">
          {t('surveys.waves.reminded', { date: formatDate(wave.reminderSentAt) })}
        </Text>
      )}
    </Stack>
  );
}

/** The waves, newest first, with their funnel numbers, response and the reminder/close actions. */
export function WavesSection({
  survey,
  waves,
  writable,
}: {
  survey: Survey;
  waves: Wave[];
  writable: boolean;
}) {
  const { t } = useTranslation();
  const sendWave = useSendWave();
  const action = useWaveAction();
  const waveError = useWaveError();
  const [closing, setClosing] = useState<Wave | null>(null);
  const [sending, setSending] = useState(false);
  const [editing, setEditing] = useState<Wave | null>(null);
  const updateWave = useUpdateWave();
  const [note, setNote] = useState('');
  const active = writable && survey.status === 'active';
  const remind = (wave: Wave) =>
    action.mutate(
      { wave, action: 'reminder' },
      { onSuccess: () => setNote(t('surveys.waves.reminderSent', { date: formatDate(wave.opensAt) })) },
    );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="waves-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="waves-title">
            {t('surveys.waves.title')}
          </Title>
          {active && (
            <Button
              disabled={survey.pendingContacts === 0}
              onClick={() => {
                sendWave.reset();
                setSending(true);
              }}
            >
              {t('surveys.waves.sendNow')}
            </Button>
          )}
        </Group>
        {active && (
          <Text size="sm" c="dimmed">
            {survey.pendingContacts > 0
              ? t('surveys.waves.pending', { count: survey.pendingContacts })
              : t('surveys.waves.noPending')}
          </Text>
        )}
        <SuccessNote>{note}</SuccessNote>
        {sendWave.isError && !sending && <ErrorState error={waveError(sendWave.error)} />}
        {action.isError && !closing && <ErrorState error={waveError(action.error)} />}
        {waves.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('surveys.waves.empty')}
          </Text>
        ) : (
          <ListTable
            labelledBy="waves-title"
            minWidth={820}
            rows={waves}
            rowKey={(wave) => wave.id}
            columns={[
              {
                key: 'opensAt',
                header: t('surveys.waves.opensAt'),
                cell: (wave) => formatDateTime(wave.opensAt),
              },
              {
                key: 'kind',
                header: t('surveys.waves.kind'),
                cell: (wave) => t(`surveys.waves.kinds.${wave.kind}`),
              },
              ...FUNNEL_STAGES.map((stage) => ({
                key: stage,
                header: t(`waveFunnel.${stage === 'held' ? 'heldHeader' : stage}`),
                numeric: true,
                cell: (wave: Wave) => wave[stage],
              })),
              {
                key: 'rate',
                header: t('surveys.waves.rate'),
                numeric: true,
                cell: (wave) => formatShare(responseRateOf(wave)),
              },
              { key: 'state', header: t('surveys.waves.state'), cell: (wave) => <WaveState wave={wave} /> },
              active && {
                key: 'actions',
                header: t('surveys.waves.actions'),
                cell: (wave) => {
                  const date = formatDate(wave.opensAt);
                  const can = waveActions(wave);
                  return (
                    <Group gap={4} wrap="wrap">
                      {!wave.closedAt && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={t('surveys.youSaid.editLabel', { date })}
                          onClick={() => {
                            updateWave.reset();
                            setEditing(wave);
                          }}
                        >
                          {t('surveys.youSaid.edit')}
                        </Button>
                      )}
                      {can.canRemind && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={t('surveys.waves.remindLabel', { date })}
                          loading={action.isPending && action.variables?.wave.id === wave.id}
                          onClick={() => remind(wave)}
                        >
                          {t('surveys.waves.remind')}
                        </Button>
                      )}
                      {can.canClose && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          aria-label={t('surveys.waves.closeWaveLabel', { date })}
                          onClick={() => {
                            action.reset();
                            setClosing(wave);
                          }}
                        >
                          {t('surveys.waves.closeWave')}
                        </Button>
                      )}
                    </Group>
                  );
                },
              },
            ]}
          />
        )}
      </Stack>
      {sending && (
        <YouSaidDialog
          wave={null}
          title={t('surveys.youSaid.sendTitle', { count: survey.pendingContacts })}
          submitLabel={t('surveys.waves.sendNow')}
          save={sendWave}
          onClose={() => setSending(false)}
          onSubmit={(body, onError) =>
            sendWave.mutate(
              { surveyId: survey.id, body },
              {
                onSuccess: (wave) => {
                  setNote(t('surveys.waves.sent', { count: wave.invited }));
                  setSending(false);
                },
                onError,
              },
            )
          }
        />
      )}
      {editing && (
        <YouSaidDialog
          wave={editing}
          title={t('surveys.youSaid.editTitle', { date: formatDate(editing.opensAt) })}
          submitLabel={t('common.save')}
          save={updateWave}
          onClose={() => setEditing(null)}
          onSubmit={(body, onError) =>
            updateWave.mutate(
              { waveId: editing.id, body },
              {
                onSuccess: () => {
                  setNote(t('surveys.youSaid.saved', { date: formatDate(editing.opensAt) }));
                  setEditing(null);
                },
                onError,
              },
            )
          }
        />
      )}
      {closing && (
        <ConfirmDialog
          title={t('surveys.waves.closeWaveTitle')}
          message={t('surveys.waves.confirmCloseWave', { date: formatDate(closing.opensAt) })}
          confirmLabel={t('surveys.waves.closeWave')}
          loading={action.isPending}
          error={action.error ? waveError(action.error) : undefined}
          onClose={() => setClosing(null)}
          onConfirm={() =>
            action.mutate(
              { wave: closing, action: 'close' },
              {
                onSuccess: () => {
                  setNote(t('surveys.waves.waveClosed', { date: formatDate(closing.opensAt) }));
                  setClosing(null);
                },
              },
            )
          }
        />
      )}
    </Paper>
  );
}
