import { MultiSelect, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { Journey } from '@wk/contracts';
import { SURVEY_LIMITS } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { FormDialog, saveErrors } from '../../components/form-dialog';
import { useDraft } from '../../components/use-draft';
import { useTeams } from '../people/people-api';
import { useSaveJourney, useSegments } from './customers-api';
import { journeyDraft, toJourneyRequest } from './journey-draft';
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
  const errors = saveErrors(save).fields;
  const { draft, set, text } = useDraft(() => journeyDraft(journey), errors);
  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));

  const submit = () =>
    save.mutate({ id: journey?.id, body: toJourneyRequest(draft) }, { onSuccess: onSaved });

  return (
    <FormDialog
      title={journey ? t('customers.editJourney', { name: journey.name }) : t('customers.newJourney')}
      onClose={onClose}
      onSubmit={submit}
      save={save}
      submitLabel={t('customers.saveJourney')}
      size="xl"
      fullScreenOnPhone
      gap="md"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('customers.journeyName')}
          required
          maxLength={SURVEY_LIMITS.nameLength}
          {...text('name')}
          data-autofocus
        />
        <TextInput
          label={t('customers.journeyNameEn')}
          description={t('customers.nameEnHint')}
          lang="en"
          maxLength={SURVEY_LIMITS.nameLength}
          {...text('nameEn')}
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
        {...text('description')}
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
    </FormDialog>
  );
}
