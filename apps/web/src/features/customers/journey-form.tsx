import { MultiSelect, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Journey } from '@wk/contracts';
import { SURVEY_LIMITS } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FormDialog } from '../../components/form-dialog';
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
  const form = useForm({ initialValues: journeyDraft(journey) });
  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));

  const submit = form.onSubmit((draft) =>
    save.mutate(
      { id: journey?.id, body: toJourneyRequest(draft) },
      {
        onSuccess: onSaved,
        // As the api names them: a touchpoint's (`touchpoints[1].name`) show at its row.
        onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
      },
    ),
  );

  return (
    <FormDialog
      title={journey ? t('customers.editJourney', { name: journey.name }) : t('customers.newJourney')}
      onClose={onClose}
      onSubmit={() => submit()}
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
          {...form.getInputProps('name')}
          data-autofocus
        />
        <TextInput
          label={t('customers.journeyNameEn')}
          description={t('customers.nameEnHint')}
          lang="en"
          maxLength={SURVEY_LIMITS.nameLength}
          {...form.getInputProps('nameEn')}
        />
        <Select
          label={t('customers.journeySegment')}
          placeholder={t('customers.noSegment')}
          data={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          clearable
          searchable
          {...form.getInputProps('segmentId')}
        />
      </SimpleGrid>
      <Textarea
        label={t('customers.journeyDescription')}
        autosize
        minRows={2}
        maxLength={SURVEY_LIMITS.descriptionLength}
        {...form.getInputProps('description')}
      />
      <MultiSelect
        label={t('customers.journeyTeams')}
        data={teamOptions}
        searchable
        {...form.getInputProps('teamIds')}
      />
      <TouchpointEditor
        touchpoints={form.values.touchpoints}
        teams={teamOptions}
        errors={form.errors}
        onChange={(touchpoints) => form.setFieldValue('touchpoints', touchpoints)}
        onReorder={() => {
          form.clearErrors();
          save.reset();
        }}
      />
    </FormDialog>
  );
}
