import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Journey } from '@wk/contracts';
import { localized } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/status-badge';
import { useTeams } from '../people/people-api';
import { useDeleteJourney, useJourneys, useSegments } from './customers-api';
import { EditableSection, EditDeleteButtons } from './editable-section';
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
  const { t, i18n } = useTranslation();
  const name = localized(journey.name, journey.nameEn, i18n.language);
  const touchpoints = [...journey.touchpoints].sort((a, b) => a.position - b.position);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            {name}
          </Title>
          {writable && (
            <EditDeleteButtons
              editLabel={t('customers.editJourneyLabel', { name })}
              deleteLabel={t('customers.deleteJourneyLabel', { name })}
              onEdit={onEdit}
              onDelete={onDelete}
            />
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
                    {localized(tp.name, tp.nameEn, i18n.language)}
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
  const { t, i18n } = useTranslation();
  const journeys = useJourneys();
  const segments = useSegments();
  const teams = useTeams();
  const remove = useDeleteJourney();
  const segmentNames = new Map(
    (segments.data ?? []).map((s) => [s.id, localized(s.name, s.nameEn, i18n.language)]),
  );
  const teamNames = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const teamName = (id: string) => teamNames.get(id) ?? '…';

  return (
    <EditableSection
      name="journeys"
      texts={{
        title: t('customers.journeys'),
        intro: t('customers.journeysIntro'),
        add: t('customers.addJourney'),
        empty: t('customers.noJourneys'),
        deleteTitle: t('customers.deleteJourneyTitle'),
        confirmDelete: (name) => t('customers.confirmDeleteJourney', { name }),
        inUse: t('customers.journeyInUse'),
        saved: (name) => t('customers.journeySaved', { name }),
        deleted: (name) => t('customers.journeyDeleted', { name }),
      }}
      query={journeys}
      remove={remove}
      writable={writable}
      onNote={onNote}
      renderList={(list, actions) => (
        <Stack gap="sm">
          {list.map((journey) => (
            <JourneyCard
              key={journey.id}
              journey={journey}
              segmentName={journey.segmentId ? (segmentNames.get(journey.segmentId) ?? null) : null}
              teamName={teamName}
              writable={writable}
              onEdit={() => actions.edit(journey)}
              onDelete={() => actions.delete(journey)}
            />
          ))}
        </Stack>
      )}
      renderForm={({ item, ...form }) => <JourneyForm journey={item} {...form} />}
    />
  );
}
