import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganisationUsage } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { StatusBadge } from '../../components/status-badge';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { CreateOrganisation } from './create-organisation';
import { ORGANISATIONS_KEY } from './operator-keys';
import { DangerButton } from '../../components/danger-button';

/** The operator's organisations: usage counts, add one with its first admin, suspend, delete. */
export function OperatorOrganisations() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ORGANISATIONS_KEY,
    queryFn: () => api<OrganisationUsage[]>('/operator/organisations'),
  });
  const [note, setNote] = useState<string | null>(null);
  const [suspending, setSuspending] = useState<OrganisationUsage | null>(null);
  const [deleting, setDeleting] = useState<OrganisationUsage | null>(null);
  const [confirm, setConfirm] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ORGANISATIONS_KEY });
  const status = useMutation({
    mutationFn: (o: OrganisationUsage) =>
      api(`/operator/organisations/${o.id}`, {
        method: 'PATCH',
        body: { status: o.status === 'active' ? 'suspended' : 'active' },
      }),
    onSuccess: async () => {
      setSuspending(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (o: OrganisationUsage) =>
      api(`/operator/organisations/${o.id}`, { method: 'DELETE', query: { confirm } }),
    onSuccess: async (_, o) => {
      setDeleting(null);
      setNote(t('platform.organisations.deleted', { name: o.name }));
      await refresh();
    },
  });

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('platform.organisations.title')}
      </Title>
      {note && (
        <Alert
          color="teal"
          role="status"
          variant="light"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNote(null)}
        >
          {note}
        </Alert>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState>{t('platform.organisations.empty')}</EmptyState>
      ) : (
        <ListTable
          label={t('platform.organisations.title')}
          minWidth={860}
          rows={list.data}
          rowKey={(o) => o.id}
          columns={[
            {
              key: 'name',
              header: t('platform.organisations.name'),
              cell: (o) => (
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {o.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {o.slug}
                  </Text>
                </Stack>
              ),
            },
            {
              key: 'status',
              header: t('platform.organisations.status'),
              cell: (o) => (
                <StatusBadge color={o.status === 'active' ? 'teal' : 'gray'}>
                  {t(`platform.organisations.statuses.${o.status}`)}
                </StatusBadge>
              ),
            },
            {
              key: 'people',
              header: t('platform.organisations.people'),
              cell: (o) =>
                t('platform.organisations.peopleCount', {
                  active: o.people.active,
                  invited: o.people.invited,
                }),
            },
            {
              key: 'activity',
              header: t('platform.organisations.activity'),
              cell: (o) =>
                t('platform.organisations.activityCount', {
                  rounds: o.roundsLast30Days,
                  responses: o.responsesLast30Days,
                  mails: o.mailsLast30Days,
                }),
            },
            {
              key: 'lastSignIn',
              header: t('platform.organisations.lastSignIn'),
              cell: (o) =>
                o.lastSignInAt ? formatDateTime(o.lastSignInAt) : t('platform.organisations.never'),
            },
            {
              key: 'actions',
              header: <span className="sr-only">{t('platform.organisations.actions', { name: '' })}</span>,
              cell: (o) => (
                <Group
                  gap={4}
                  wrap="nowrap"
                  role="group"
                  aria-label={t('platform.organisations.actions', { name: o.name })}
                >
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => (o.status === 'active' ? setSuspending(o) : status.mutate(o))}
                  >
                    {o.status === 'active'
                      ? t('platform.organisations.suspend')
                      : t('platform.organisations.resume')}
                  </Button>
                  <DangerButton
                    onClick={() => {
                      setConfirm('');
                      remove.reset();
                      setDeleting(o);
                    }}
                  >
                    {t('platform.organisations.delete')}
                  </DangerButton>
                </Group>
              ),
            },
          ]}
        />
      )}
      <CreateOrganisation onCreated={(name) => setNote(t('platform.organisations.created', { name }))} />
      {suspending && (
        <ConfirmDialog
          title={`${t('platform.organisations.suspend')}: ${suspending.name}`}
          message={t('platform.organisations.suspendConfirm', { name: suspending.name })}
          confirmLabel={t('platform.organisations.suspend')}
          loading={status.isPending}
          error={status.error}
          onConfirm={() => status.mutate(suspending)}
          onClose={() => setSuspending(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('platform.organisations.deleteTitle', { name: deleting.name })}
          message={
            <Stack gap="sm">
              <Text size="sm">{t('platform.organisations.deleteBody', { slug: deleting.slug })}</Text>
              <TextInput
                label={t('platform.organisations.deleteConfirmLabel')}
                value={confirm}
                autoComplete="off"
                onChange={(e) => setConfirm(e.currentTarget.value)}
              />
            </Stack>
          }
          confirmLabel={t('platform.organisations.delete')}
          loading={remove.isPending}
          error={remove.error}
          onConfirm={() => confirm === deleting.slug && remove.mutate(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </Stack>
  );
}
