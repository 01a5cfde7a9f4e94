import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Journey } from '@wk/contracts';
import { SURVEY_LIMITS } from '@wk/domain';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/states';
import { useTeams } from '../people/people-api';
import { useSaveJourney, useSegments } from './customers-api';
import { journeyDraft, toJourneyRequest, type JourneyDraft } from './journey-draft';
import { TouchpointEditor } from './touchpoint-editor';

/** Create or replace a whole journey: its profile, serving teams and ordered touchpoints. */
export function JourneyForm({
  journey,
  onClose,
  onSaved,
}: {
  journey: Journey | null;
  onClose: () => void;
  onSaved: (saved: Journey) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveJourney();
  const segments = useSegments();
  const teams = useTeams();
  const phone = useMediaQuery('(max-width: 36em)');
  const [draft, setDraft] = useState<JourneyDraft>(() => journeyDraft(journey));
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));
  const set = <K extends keyof JourneyDraft>(key: K, value: JourneyDraft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id: journey?.id, body: toJourneyRequest(draft) }, { onSuccess: onSaved });
  };

  return (
    <Dialog
      title={journey ? t('customers.editJourney', { name: journey.name }) : t('customers.newJourney')}
      onClose={onClose}
      size="xl"
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('customers.journeyName')}
              required
              maxLength={SURVEY_LIMITS.nameLength}
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors['name']}
              data-autofocus
            />
            <Select
              label={t('customers.journeySegment')}
              placeholder={t('customers.noSegment')}
              data={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={draft.segmentId}
              clearable
              searchable
              onChange={(id) => set('segmentId', id)}
              error={errors['segmentId']}
            />
          </SimpleGrid>
          <Textarea
            label={t('customers.journeyDescription')}
            autosize
            minRows={2}
            maxLength={SURVEY_LIMITS.descriptionLength}
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errors['description']}
          />
          <MultiSelect
            label={t('customers.journeyTeams')}
            data={teamOptions}
            value={draft.teamIds}
            searchable
            onChange={(ids) => set('teamIds', ids)}
            error={errors['teamIds']}
          />
          <TouchpointEditor
            touchpoints={draft.touchpoints}
            teams={teamOptions}
            errors={errors}
            onChange={(touchpoints) => set('touchpoints', touchpoints)}
            onReorder={() => save.reset()}
          />
          {save.isError && Object.keys(errors).length === 0 && <ErrorState error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('customers.saveJourney')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
