import { Box, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Person, Team } from '@wk/contracts';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';
import { showApiErrorsIn, useFormRules } from '../../components/api-form';
import { saveErrors } from '../../components/form-dialog';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, Loading, SuccessNote } from '../../components/states';
import { useCan } from '../auth/session';
import { usePeople, useTeams } from '../people/people-api';
import { TeamForm } from './team-form';
import { buildTeamTree, type TeamNode } from './team-tree';
import { useCreateTeam, useDeleteTeam } from './teams-api';
import { DangerButton } from '../../components/danger-button';

function TeamBranch({
  nodes,
  people,
  writable,
  onEdit,
  onDelete,
}: {
  nodes: TeamNode[];
  people: Map<string, Person>;
  writable: boolean;
  onEdit: (team: Team) => void;
  onDelete: (team: Team) => void;
}) {
  const { t } = useTranslation();
  return (
    <Box component="ul" pl="md" style={{ listStyle: 'none' }}>
      {nodes.map((node) => (
        <li key={node.id}>
          <Group
            justify="space-between"
            py={6}
            wrap="wrap"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Stack gap={0}>
              <Text fw={600}>{node.name}</Text>
              <Text size="sm" c="dimmed">
                {t('teams.members', { count: node.memberCount })} ·{' '}
                {node.managerIds.length
                  ? node.managerIds.map((id) => people.get(id)?.name ?? '…').join(', ')
                  : t('teams.noManagers')}
              </Text>
            </Stack>
            {writable && (
              <Group gap={4}>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => onEdit(node)}
                  aria-label={`${t('common.edit')}: ${node.name}`}
                >
                  {t('common.edit')}
                </Button>
                <DangerButton
                  onClick={() => onDelete(node)}
                  aria-label={`${t('common.delete')}: ${node.name}`}
                >
                  {t('common.delete')}
                </DangerButton>
              </Group>
            )}
          </Group>
          {node.children.length > 0 && (
            <TeamBranch
              nodes={node.children}
              people={people}
              writable={writable}
              onEdit={onEdit}
              onDelete={onDelete}
            />
          )}
        </li>
      ))}
    </Box>
  );
}

export function TeamsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('teams.write');
  const teams = useTeams();
  const managers = usePeople({ role: 'manager', offset: 0, limit: 200 });
  const create = useCreateTeam();
  const remove = useDeleteTeam();
  const rules = useFormRules();
  const form = useForm({
    initialValues: { name: '', parentId: null as string | null },
    validate: { name: rules.required },
  });
  const [editing, setEditing] = useState<Team | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const [note, setNote] = useState('');

  const submit = form.onSubmit(({ name, parentId }) =>
    create.mutate(
      { name: name.trim(), parentId },
      {
        onSuccess: (team) => {
          setNote(t('teams.created', { name: team.name }));
          form.setFieldValue('name', '');
        },
        onError: showApiErrorsIn(form),
      },
    ),
  );
  const people = new Map((managers.data?.items ?? []).map((p) => [p.id, p]));

  return (
    <Page title={t('teams.title')} intro={t('teams.intro')}>
      <SuccessNote>{note}</SuccessNote>
      {writable && (
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate>
            <Group align="flex-end" wrap="wrap">
              <TextInput label={t('teams.name')} required {...form.getInputProps('name')} />
              <Select
                label={t('teams.parent')}
                placeholder={t('teams.topLevel')}
                data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                clearable
                searchable
                {...form.getInputProps('parentId')}
              />
              <Button type="submit" loading={create.isPending}>
                {t('teams.add')}
              </Button>
            </Group>
            {saveErrors(create).other && <ErrorState error={create.error} />}
          </form>
        </Paper>
      )}
      {remove.isError && <ErrorState error={remove.error} />}
      <section aria-labelledby="team-tree">
        <Title order={2} size="h4" id="team-tree">
          {t('teams.tree')}
        </Title>
        {teams.isPending ? (
          <Loading />
        ) : teams.isError ? (
          <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
        ) : teams.data.length === 0 ? (
          <EmptyState>{t('teams.empty')}</EmptyState>
        ) : (
          <TeamBranch
            nodes={buildTeamTree(teams.data)}
            people={people}
            writable={writable}
            onEdit={setEditing}
            onDelete={setDeleting}
          />
        )}
      </section>
      {editing && teams.data && (
        <TeamForm
          team={editing}
          teams={teams.data}
          managers={managers.data?.items ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNote(t('people.updated'));
          }}
        />
      )}
      {deleting && (
        <Dialog onClose={() => setDeleting(null)} title={t('common.delete')}>
          <Stack>
            <Text>{t('teams.confirmDelete', { name: deleting.name })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(deleting, {
                    onSuccess: () => setNote(t('teams.deleted', { name: deleting.name })),
                    onSettled: () => setDeleting(null),
                  })
                }
              >
                {t('common.delete')}
              </Button>
            </Group>
          </Stack>
        </Dialog>
      )}
    </Page>
  );
}
