import { Button, Group, Pagination, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Person } from '@wk/contracts';
import { ROLES, USER_STATUSES } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/status-badge';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, Loading, SuccessNote, useErrorMessage } from '../../components/states';
import { useCan } from '../auth/session';
import { useInvite, usePeople, useTeams } from './people-api';
import { PersonForm } from './person-form';

const PAGE_SIZE = 25;
const STATUS_COLOURS = { invited: 'yellow', active: 'teal', deactivated: 'gray' } as const;

/** People of the organisation (a manager: of their teams), with filters kept in the URL. */
export function PeoplePage() {
  const { t } = useTranslation();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const page = Number(params.get('page') ?? '1') || 1;
  const filter = {
    q,
    role: params.get('role') ?? undefined,
    teamId: params.get('team') ?? undefined,
    status: params.get('status') ?? undefined,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  const people = usePeople(filter);
  const teams = useTeams();
  const invite = useInvite();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [note, setNote] = useState('');
  const writable = can('people.write');

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const filtered = !!(q || filter.role || filter.teamId || filter.status);
  const pages = people.data ? Math.max(1, Math.ceil(people.data.total / PAGE_SIZE)) : 1;

  return (
    <Page
      title={t('people.title')}
      actions={
        writable && (
          <Button onClick={() => setEditing('new')} disabled={!teams.data}>
            {t('people.add')}
          </Button>
        )
      }
    >
      <SuccessNote>{note}</SuccessNote>
      {invite.isError && <ErrorState error={invite.error} />}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('people.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setParam('q', e.currentTarget.value.trim() || null);
          }}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label={t('people.filterRole')}
          placeholder={t('common.all')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={filter.role ?? null}
          clearable
          onChange={(v) => setParam('role', v)}
          w={{ base: '100%', sm: 180 }}
        />
        <Select
          label={t('people.filterTeam')}
          placeholder={t('common.all')}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={filter.teamId ?? null}
          clearable
          searchable
          onChange={(v) => setParam('team', v)}
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label={t('people.filterStatus')}
          placeholder={t('common.all')}
          data={USER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={filter.status ?? null}
          clearable
          onChange={(v) => setParam('status', v)}
          w={{ base: '100%', sm: 180 }}
        />
      </Group>

      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => void people.refetch()} />
      ) : people.data.items.length === 0 ? (
        <EmptyState>{filtered ? t('people.emptyFiltered') : t('people.empty')}</EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('common.results', { count: people.data.total })}
          </Text>
          <ListTable
            label={t('people.title')}
            minWidth={720}
            highlightOnHover
            rows={people.data.items}
            rowKey={(person) => person.id}
            columns={[
              { key: 'name', header: t('people.name'), cell: (person) => person.name },
              { key: 'email', header: t('people.email'), cell: (person) => person.email },
              {
                key: 'team',
                header: t('people.team'),
                cell: (person) =>
                  person.teamName ?? (
                    <Text span size="sm" c="dimmed">
                      {t('people.noTeam')}
                    </Text>
                  ),
              },
              { key: 'role', header: t('people.role'), cell: (person) => t(`roles.${person.role}`) },
              {
                key: 'status',
                header: t('people.status'),
                cell: (person) => (
                  <StatusBadge color={STATUS_COLOURS[person.status]}>
                    {t(`status.${person.status}`)}
                  </StatusBadge>
                ),
              },
              {
                key: 'lastLogin',
                header: t('people.lastLogin'),
                cell: (person) =>
                  person.lastLoginAt ? formatDateTime(person.lastLoginAt) : t('people.never'),
              },
              writable && {
                key: 'actions',
                header: <span className="sr-only">{t('common.edit')}</span>,
                cell: (person) => (
                  <Group
                    gap={4}
                    wrap="nowrap"
                    role="group"
                    aria-label={t('people.actions', { name: person.name })}
                  >
                    <Button size="compact-sm" variant="subtle" onClick={() => setEditing(person)}>
                      {t('common.edit')}
                    </Button>
                    {person.status === 'invited' && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        loading={invite.isPending && invite.variables?.id === person.id}
                        onClick={() =>
                          invite.mutate(person, {
                            onSuccess: () => setNote(t('people.inviteSent', { email: person.email })),
                          })
                        }
                      >
                        {t('people.invite')}
                      </Button>
                    )}
                  </Group>
                ),
              },
            ]}
          />
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={(p) => setParams((prev) => ({ ...Object.fromEntries(prev), page: String(p) }))}
              getControlProps={(control) => ({ 'aria-label': t(`common.${control}` as 'common.next') })}
              getItemProps={(p) => ({ 'aria-label': t('common.pageOf', { page: p, pages }) })}
            />
          )}
        </>
      )}
      {editing && teams.data && (
        <PersonForm
          person={editing === 'new' ? undefined : editing}
          teams={teams.data}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setNote(message);
          }}
        />
      )}
      {teams.isError && <Text c="red">{errorMessage(teams.error)}</Text>}
    </Page>
  );
}
