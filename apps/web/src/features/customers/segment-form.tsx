import { Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Segment } from '@wk/contracts';
import { SURVEY_LIMITS } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { showApiErrorsIn } from '../../components/api-form';
import { FormDialog } from '../../components/form-dialog';
import { useSaveSegment } from './customers-api';

/** Add or edit a customer profile: name, general description and the persona story. */
export function SegmentForm({
  segment,
  onClose,
  onSaved,
}: {
  segment: Segment | null;
  onClose: () => void;
  onSaved: (saved: Segment) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSegment();
  const form = useForm({
    initialValues: {
      name: segment?.name ?? '',
      nameEn: segment?.nameEn ?? '',
      description: segment?.description ?? '',
      persona: segment?.persona ?? '',
    },
  });

  const submit = form.onSubmit((draft) =>
    save.mutate(
      {
        id: segment?.id,
        body: {
          name: draft.name.trim(),
          nameEn: draft.nameEn.trim() || null,
          description: draft.description.trim(),
          persona: draft.persona.trim(),
        },
      },
      { onSuccess: onSaved, onError: showApiErrorsIn(form) },
    ),
  );

  return (
    <FormDialog
      title={segment ? t('customers.editSegment', { name: segment.name }) : t('customers.newSegment')}
      onClose={onClose}
      onSubmit={() => submit()}
      save={save}
      submitLabel={t('common.save')}
      size="lg"
    >
      <TextInput
        label={t('customers.segmentName')}
        required
        maxLength={SURVEY_LIMITS.segmentNameLength}
        {...form.getInputProps('name')}
        data-autofocus
      />
      <TextInput
        label={t('customers.segmentNameEn')}
        description={t('customers.nameEnHint')}
        lang="en"
        maxLength={SURVEY_LIMITS.segmentNameLength}
        {...form.getInputProps('nameEn')}
      />
      <Textarea
        label={t('customers.segmentDescription')}
        description={t('customers.segmentDescriptionHint')}
        autosize
        minRows={2}
        maxLength={SURVEY_LIMITS.descriptionLength}
        {...form.getInputProps('description')}
      />
      <Textarea
        label={t('customers.persona')}
        description={t('customers.personaHint')}
        autosize
        minRows={3}
        maxLength={SURVEY_LIMITS.descriptionLength}
        {...form.getInputProps('persona')}
      />
    </FormDialog>
  );
}
