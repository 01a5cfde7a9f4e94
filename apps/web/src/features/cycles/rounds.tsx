import { Badge, Button, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { Round } from '@wk/contracts';
import type { Cycle } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog } from '../../components/dialog';
import { formatDateTime } from '../../components/format';
import { ErrorState, QueryState, SuccessNote } from '../../components/states';
import { useCan } from '../auth/session';
import { useCloseRound, useRemind, useRound, useRounds } from './cycles-api';

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

/** A cycle's rounds with their participation; a round opens in a dialog. */
export function Rounds({ cycle }: { cycle: Cycle }) {
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
