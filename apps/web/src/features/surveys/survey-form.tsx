import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Survey } from '@wk/contracts';
import { SURVEY_LIMITS } from '@wk/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/states';
import { useValueVersions } from '../values/values-api';
import { SurveyContextFields } from './survey-context-fields';
import { surveyDraft, toSurveyRequest, type SurveyDraft } from './survey-draft';
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
  const phone = useMediaQuery('(max-width: 36em)');
  const versions = useValueVersions();
  const create = useCreateSurvey();
  const update = useUpdateSurvey();
  const save = survey ? update : create;
  const published = (versions.data ?? []).filter((v) => v.status === 'published');
  const [draft, setDraft] = useState<SurveyDraft>(() => surveyDraft(survey));
  const versionId = draft.valuesVersionId ?? published.find((v) => v.isCurrent)?.id ?? null;
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = <K extends keyof SurveyDraft>(key: K, value: SurveyDraft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));
  const text = (key: 'titleNl' | 'titleEn' | 'introNl' | 'introEn') => ({
    value: draft[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: errors[key],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = toSurveyRequest({ ...draft, valuesVersionId: versionId });
    if (survey) update.mutate({ id: survey.id, body }, { onSuccess: onSaved });
    else create.mutate(body, { onSuccess: onSaved });
  };

  return (
    <Dialog
      title={survey ? t('surveys.form.editTitle', { name: survey.name }) : t('surveys.new')}
      onClose={onClose}
      size="xl"
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('surveys.form.name')}
              required
              maxLength={SURVEY_LIMITS.nameLength}
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors['name']}
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
          {save.isError && Object.keys(errors).length === 0 && <ErrorState error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {survey ? t('common.save') : t('surveys.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
