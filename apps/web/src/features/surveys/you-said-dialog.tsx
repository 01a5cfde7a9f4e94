import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Wave, WaveYouSaidRequest } from '@wk/contracts';
import { SURVEY_LIMITS } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { showApiErrorsIn } from '../../components/api-form';
import { FormDialog, type SaveState } from '../../components/form-dialog';

/**
 * "You said, we did": the optional line customers read above the questions of a wave, in Dutch and
 * English. Used when sending a wave (submit sends it) and to change the line of an open wave.
 */
export function YouSaidDialog({
  wave,
  title,
  submitLabel,
  save,
  onSubmit,
  onClose,
}: {
  wave: Wave | null;
  title: string;
  submitLabel: string;
  save: SaveState;
  /** Saves the line; `onError` puts the api's field errors under the fields. */
  onSubmit: (body: WaveYouSaidRequest, onError: (error: unknown) => void) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { youSaidNl: wave?.youSaidNl ?? '', youSaidEn: wave?.youSaidEn ?? '' },
  });
  const submit = form.onSubmit(({ youSaidNl, youSaidEn }) =>
    onSubmit(
      { youSaidNl: youSaidNl.trim() || null, youSaidEn: youSaidEn.trim() || null },
      showApiErrorsIn(form),
    ),
  );
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={() => submit()}
      save={save}
      submitLabel={submitLabel}
      size="lg"
    >
      <Text size="sm" c="dimmed">
        {t('surveys.youSaid.hint')}
      </Text>
      <Textarea
        label={t('surveys.youSaid.nl')}
        autosize
        minRows={2}
        maxLength={SURVEY_LIMITS.youSaidLength}
        {...form.getInputProps('youSaidNl')}
        data-autofocus
      />
      <Textarea
        label={t('surveys.youSaid.en')}
        lang="en"
        autosize
        minRows={2}
        maxLength={SURVEY_LIMITS.youSaidLength}
        {...form.getInputProps('youSaidEn')}
      />
    </FormDialog>
  );
}
