import { Textarea, TextInput } from '@mantine/core';
import type { Segment } from '@wk/contracts';
import { SURVEY_LIMITS } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { FormDialog, saveErrors } from '../../components/form-dialog';
import { useDraft } from '../../components/use-draft';
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
  const { draft, text } = useDraft(
    () => ({
      name: segment?.name ?? '',
      nameEn: segment?.nameEn ?? '',
      description: segment?.description ?? '',
      persona: segment?.persona ?? '',
    }),
    saveErrors(save).fields,
  );

  const submit = () =>
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
      { onSuccess: onSaved },
    );

  return (
    <FormDialog
      title={segment ? t('customers.editSegment', { name: segment.name }) : t('customers.newSegment')}
      onClose={onClose}
      onSubmit={submit}
      save={save}
      submitLabel={t('common.save')}
      size="lg"
    >
      <TextInput
        label={t('customers.segmentName')}
        required
        maxLength={SURVEY_LIMITS.segmentNameLength}
        {...text('name')}
        data-autofocus
      />
      <TextInput
        label={t('customers.segmentNameEn')}
        description={t('customers.nameEnHint')}
        lang="en"
        maxLength={SURVEY_LIMITS.segmentNameLength}
        {...text('nameEn')}
      />
      <Textarea
        label={t('customers.segmentDescription')}
        description={t('customers.segmentDescriptionHint')}
        autosize
        minRows={2}
        maxLength={SURVEY_LIMITS.descriptionLength}
        {...text('description')}
      />
      <Textarea
        label={t('customers.persona')}
        description={t('customers.personaHint')}
        autosize
        minRows={3}
        maxLength={SURVEY_LIMITS.descriptionLength}
        {...text('persona')}
      />
    </FormDialog>
  );
}
