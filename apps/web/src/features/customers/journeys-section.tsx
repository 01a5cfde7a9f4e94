import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Journey } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState, QueryState } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { useTeams } from '../people/people-api';
import { useDeleteJourney, useJourneys, useSegments } from './customers-api';
import { JourneyForm } from './journey-form';

function JourneyCard({
  journey,
  segmentName,
  teamName,
  writable,
  onEdit,
  onDelete,
}: {
  journey: Journey;
  segmentName: string | null;
  teamName: (id: string) => string;
  writable: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const touchpoints = [...journey.touchpoints].sort((a, b) => a.position - b.position);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            {journey.name}
          </Title>
          {writable && (
            <Group gap={4}>
              <Button
                size="compact-sm"
                variant="subtle"
                aria-label={t('customers.editJourneyLabel', { name: journey.name })}
                onClick={onEdit}
              >
                {t('common.edit')}
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                c="red.9"
                aria-label={t('customers.deleteJourneyLabel', { name: journey.name })}
                onClick={onDelete}
              >
                {t('common.delete')}
              </Button>
            </Group>
          )}
        </Group>
        {journey.description && <Text size="sm">{journey.description}</Text>}
        <Text size="sm" c="dimmed">
          {[
            segmentName && t('customers.profileLine', { name: segmentName }),
            journey.teamIds.length > 0 &&
              t('customers.teamsLine', { names: journey.teamIds.map(teamName).join(', ') }),
            t('customers.touchpointCount', { count: touchpoints.length }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {touchpoints.length > 0 && (
          <List type="ordered" size="sm" spacing={4}>
            {touchpoints.map((tp) => (
              <List.Item key={tp.id}>
                <Group gap={6} wrap="wrap">
                  <Text span size="sm" fw={500}>
                    {tp.name}
                  </Text>
                  <StatusBadge color="gray">{t(`customers.channels.${tp.channel}`)}</StatusBadge>
                  {tp.momentOfTruth && <Badge color="grape.9">{t('customers.momentOfTruth')}</Badge>}
                  {tp.teamIds.length > 0 && (
                    <Text span size="sm" c="dimmed">
                      {tp.teamIds.map(teamName).join(', ')}
                    </Text>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}

/** The journeys with their touchpoints in order; the whole journey is edited at once. */
export function JourneysSection({ writable, onNote }: { writable: boolean; onNote: (note: string) => void }) {
  const { t } = useTranslation();
  const journeys = useJourneys();
  const segments = useSegments();
  const teams = useTeams();
  const remove = useDeleteJourney();
  const [editing, setEditing] = useState<Journey | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Journey | null>(null);
  const inUse = remove.error instanceof ApiError && remove.error.body.code === 'in_use';
  const segmentNames = new Map((segments.data ?? []).map((s) => [s.id, s.name]));
  const teamNames = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const teamName = (id: string) => teamNames.get(id) ?? '…';

  return (
    <Stack gap="sm" component="section" aria-labelledby="journeys-title">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3" id="journeys-title">
          {t('customers.journeys')}
        </Title>
        {writable && <Button onClick={() => setEditing('new')}>{t('customers.addJourney')}</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        {t('customers.journeysIntro')}
      </Text>
      <QueryState query={journeys}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('customers.noJourneys')}</EmptyState>
          ) : (
            <Stack gap="sm">
              {list.map((journey) => (
                <JourneyCard
                  key={journey.id}
                  journey={journey}
                  segmentName={journey.segmentId ? (segmentNames.get(journey.segmentId) ?? null) : null}
                  teamName={teamName}
                  writable={writable}
                  onEdit={() => setEditing(journey)}
                  onDelete={() => {
                    remove.reset();
                    setDeleting(journey);
                  }}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {editing && (
        <JourneyForm
          journey={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            onNote(t('customers.journeySaved', { name: saved.name }));
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('customers.deleteJourneyTitle')}
          message={t('customers.confirmDeleteJourney', { name: deleting.name })}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={inUse ? t('customers.journeyInUse') : remove.error}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                onNote(t('customers.journeyDeleted', { name: deleting.name }));
                setDeleting(null);
              },
            })
          }
        />
      )}
    </Stack>
  );
}
