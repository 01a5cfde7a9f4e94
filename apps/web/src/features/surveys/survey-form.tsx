import { Fieldset, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { Survey } from '@wk/contracts';
import { SURVEY_LIMITS } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { FormDialog, saveErrors } from '../../components/form-dialog';
import { useDraft } from '../../components/use-draft';
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
  const errors = saveErrors(save).fields;
  const { draft, setDraft, set, text } = useDraft(() => surveyDraft(survey), errors);
  const versionId = draft.valuesVersionId ?? published.find((v) => v.isCurrent)?.id ?? null;

  const submit = () => {
    const body = toSurveyRequest({ ...draft, valuesVersionId: versionId });
    if (survey) update.mutate({ id: survey.id, body }, { onSuccess: onSaved });
    else create.mutate(body, { onSuccess: onSaved });
  };

  return (
    <FormDialog
      title={survey ? t('surveys.form.editTitle', { name: survey.name }) : t('surveys.new')}
      onClose={onClose}
      onSubmit={submit}
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
          {...text('name')}
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
          value={versionId}
          onChange={(id) => set('valuesVersionId', id)}
          error={errors['valuesVersionId']}
        />
      </SimpleGrid>
      <SurveyContextFields draft={draft} onChange={setDraft} errors={errors} />
      <Fieldset legend={t('surveys.form.texts')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('surveys.form.titleNl')}
            description={t('surveys.form.titleHint')}
            maxLength={SURVEY_LIMITS.nameLength}
            {...text('titleNl')}
          />
          <TextInput
            label={t('surveys.form.titleEn')}
            description={t('surveys.form.titleHint')}
            maxLength={SURVEY_LIMITS.nameLength}
            {...text('titleEn')}
          />
          <Textarea
            label={t('surveys.form.introNl')}
            autosize
            minRows={2}
            maxLength={SURVEY_LIMITS.introLength}
            {...text('introNl')}
          />
          <Textarea
            label={t('surveys.form.introEn')}
            autosize
            minRows={2}
            maxLength={SURVEY_LIMITS.introLength}
            {...text('introEn')}
          />
        </SimpleGrid>
      </Fieldset>
      <SurveySendingFields draft={draft} onChange={setDraft} errors={errors} />
    </FormDialog>
  );
}
