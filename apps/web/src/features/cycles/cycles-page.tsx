import { Badge, Button, Group, List, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { Cycle, Round } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, QueryState, SuccessNote } from '../../components/states';
import { useCan } from '../auth/session';
import { CycleForm } from './cycle-form';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { cadenceInWords } from '../../lib/cadence-words';
import {
  useCloseRound,
  useCycleAction,
  useCycleAudience,
  useCycles,
  useOpenRound,
  useRemind,
  useRound,
  useRounds,
} from './cycles-api';

const share = (done: number, of: number) => (of ? Math.round((done / of) * 100) : 0);

function RoundDialog({ roundId, onClose }: { roundId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const round = useRound(roundId);
  const remind = useRemind();
  const close = useCloseRound();
  const [confirmingClose, setConfirmingClose] = useState(false);
  const writable = useCan()('cycles.write');
  return (
    <Dialog title={t('cycles.roundTitle')} onClose={onClose} size="lg">
      <QueryState query={round}>
        {(r) => (
          <Stack gap="md">
            <Text size="sm">
              {formatDateTime(r.opensAt)} – {formatDateTime(r.closesAt)} ·{' '}
              {t('cycles.participation', {
                completed: r.completed,
                invited: r.invited,
                share: share(r.completed, r.invited),
              })}
            </Text>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cycles.team')}</Table.Th>
                  <Table.Th>{t('cycles.completedOfInvited')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.teams.map((team) => (
                  <Table.Tr key={team.teamId ?? 'none'}>
                    <Table.Td>{team.teamName ?? t('cycles.noTeam')}</Table.Td>
                    <Table.Td>
                      {team.completed} / {team.invited}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Title order={3} size="h5">
              {t('cycles.notCompleted', { count: r.notCompleted.length })}
            </Title>
            {r.notCompleted.length === 0 ? (
              <Text size="sm">{t('cycles.everyoneDone')}</Text>
            ) : (
              <List size="sm">
                {r.notCompleted.map((p) => (
                  <List.Item key={p.userId}>
                    {p.name}
                    {p.teamName ? ` (${p.teamName})` : ''}
                  </List.Item>
                ))}
              </List>
            )}
            {remind.isSuccess && (
              <SuccessNote>{t('cycles.reminded', { count: remind.data.reminded })}</SuccessNote>
            )}
            {remind.isError && <ErrorState error={remind.error} />}
            {writable && !r.closed && r.notCompleted.length > 0 && (
              <Group>
                <Button
                  onClick={() => remind.mutate(r.id)}
                  loading={remind.isPending}
                  disabled={remind.isSuccess}
                >
                  {t('cycles.remind')}
                </Button>
                <Text size="sm" c="dimmed">
                  {t('cycles.remindHint')}
                </Text>
              </Group>
            )}
            {close.isSuccess && <SuccessNote>{t('everyday.roundClose.closed')}</SuccessNote>}
            {writable && !r.closed && (
              <Group>
                <Button
                  variant="subtle"
                  color="red"
                  c="red.9"
                  onClick={() => {
                    close.reset();
                    setConfirmingClose(true);
                  }}
                >
                  {t('everyday.roundClose.closeNow')}
                </Button>
              </Group>
            )}
            {confirmingClose && (
              <ConfirmDialog
                title={t('everyday.roundClose.title')}
                message={t('everyday.roundClose.confirm', {
                  date: formatDateTime(r.closesAt),
                  count: r.notCompleted.length,
                })}
                confirmLabel={t('everyday.roundClose.closeNow')}
                loading={close.isPending}
                error={close.error ?? undefined}
                onClose={() => setConfirmingClose(false)}
                onConfirm={() => close.mutate(r.id, { onSuccess: () => setConfirmingClose(false) })}
              />
            )}
          </Stack>
        )}
      </QueryState>
    </Dialog>
  );
}

function Rounds({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const rounds = useRounds(cycle.id);
  const [open, setOpen] = useState<Round | null>(null);
  return (
    <QueryState query={rounds}>
      {(list) =>
        list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('cycles.noRounds')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cycles.opened')}</Table.Th>
                  <Table.Th>{t('cycles.closes')}</Table.Th>
                  <Table.Th>{t('cycles.response')}</Table.Th>
                  <Table.Th>
                    <span className="sr-only">{t('cycles.details')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatDateTime(r.opensAt)}</Table.Td>
                    <Table.Td>
                      {formatDateTime(r.closesAt)}{' '}
                      {r.closed && <Badge color="gray.8">{t('cycles.closed')}</Badge>}
                    </Table.Td>
                    <Table.Td miw={160}>
                      <Text size="sm">
                        {r.completed} / {r.invited} ({share(r.completed, r.invited)}%)
                      </Text>
                      <Progress
                        value={share(r.completed, r.invited)}
                        aria-label={t('cycles.participation', {
                          completed: r.completed,
                          invited: r.invited,
                          share: share(r.completed, r.invited),
                        })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="default" onClick={() => setOpen(r)}>
                        {t('cycles.details')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {open && <RoundDialog roundId={open.id} onClose={() => setOpen(null)} />}
          </Table.ScrollContainer>
        )
      }
    </QueryState>
  );
}

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

function CycleCard({ cycle }: { cycle: Cycle }) {
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

export function CyclesPage() {
  const { t } = useTranslation();
  const cycles = useCycles();
  const writable = useCan()('cycles.write');
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('cycles.title')}
      intro={t('cycles.intro')}
      actions={writable ? <Button onClick={() => setCreating(true)}>{t('cycles.new')}</Button> : undefined}
    >
      <QueryState query={cycles}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('cycles.empty')}</EmptyState>
          ) : (
            <Stack gap="md">
              {list.map((c) => (
                <CycleCard key={c.id} cycle={c} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {creating && (
        <Dialog title={t('cycles.new')} onClose={() => setCreating(false)} size="lg">
          <CycleForm onDone={() => setCreating(false)} />
        </Dialog>
      )}
    </Page>
  );
}
