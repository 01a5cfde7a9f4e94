import { Fieldset, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Survey } from '@wk/contracts';
import { SURVEY_LIMITS } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { showApiErrorsIn } from '../../components/api-form';
import { FormDialog } from '../../components/form-dialog';
import { useValueVersions } from '../values/values-api';
import { SurveyContextFields } from './survey-context-fields';
import { surveyDraft, toSurveyRequest } from './survey-draft';
import { SurveySendingFields } from './survey-sending-fields';
import { useCreateSurvey, useUpdateSurvey } from './surveys-api';

/** Create a survey, or edit one (`survey` given), in a dialog. */
export function SurveyForm({
  survey,
  onClose,
  onSaved,
}: {
  survey: Survey | null;
  onClose: () => void;
  onSaved: (saved: Survey) => void;
}) {
  const { t } = useTranslation();
  const versions = useValueVersions();
  const create = useCreateSurvey();
  const update = useUpdateSurvey();
  const save = survey ? update : create;
  const published = (versions.data ?? []).filter((v) => v.status === 'published');
  const form = useForm({ initialValues: surveyDraft(survey) });
  const versionId = form.values.valuesVersionId ?? published.find((v) => v.isCurrent)?.id ?? null;

  const submit = form.onSubmit((draft) => {
    const body = toSurveyRequest({ ...draft, valuesVersionId: versionId });
    // The schedule's errors belong to its own fields; one on the whole schedule to its switch.
    const onError = showApiErrorsIn(form, {
      'schedule.cron': 'cron',
      'schedule.timeZone': 'timeZone',
      schedule: 'scheduled',
    });
    if (survey) update.mutate({ id: survey.id, body }, { onSuccess: onSaved, onError });
    else create.mutate(body, { onSuccess: onSaved, onError });
  });

  return (
    <FormDialog
      title={survey ? t('surveys.form.editTitle', { name: survey.name }) : t('surveys.new')}
      onClose={onClose}
      onSubmit={() => submit()}
      save={save}
      submitLabel={survey ? t('common.save') : t('surveys.form.create')}
      size="xl"
      fullScreenOnPhone
      gap="md"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('surveys.form.name')}
          required
          maxLength={SURVEY_LIMITS.nameLength}
          {...form.getInputProps('name')}
          data-autofocus
        />
        <Select
          label={t('surveys.form.valuesVersion')}
          required
          allowDeselect={false}
          data={published.map((v) => ({
            value: v.id,
            label: t('surveys.form.versionOption', { number: v.number }),
          }))}
          {...form.getInputProps('valuesVersionId')}
          value={versionId}
        />
      </SimpleGrid>
      <SurveyContextFields form={form} />
      <Fieldset legend={t('surveys.form.texts')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('surveys.form.titleNl')}
            description={t('surveys.form.titleHint')}
            maxLength={SURVEY_LIMITS.nameLength}
            {...form.getInputProps('titleNl')}
          />
          <TextInput
            label={t('surveys.form.titleEn')}
            description={t('surveys.form.titleHint')}
            maxLength={SURVEY_LIMITS.nameLength}
            {...form.getInputProps('titleEn')}
          />
          <Textarea
            label={t('surveys.form.introNl')}
            autosize
            minRows={2}
            maxLength={SURVEY_LIMITS.introLength}
            {...form.getInputProps('introNl')}
          />
          <Textarea
            label={t('surveys.form.introEn')}
            autosize
            minRows={2}
            maxLength={SURVEY_LIMITS.introLength}
            {...form.getInputProps('introEn')}
          />
        </SimpleGrid>
      </Fieldset>
      <SurveySendingFields form={form} />
    </FormDialog>
  );
}
