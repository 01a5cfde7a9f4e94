import { Text, Textarea } from '@mantine/core';
import type { Wave, WaveYouSaidRequest } from '@wk/contracts';
import { SURVEY_LIMITS } from '@wk/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog, saveErrors, type SaveState } from '../../components/form-dialog';

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
  onSubmit: (body: WaveYouSaidRequest) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [nl, setNl] = useState(wave?.youSaidNl ?? '');
  const [en, setEn] = useState(wave?.youSaidEn ?? '');
  const errors = saveErrors(save).fields;
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={() => onSubmit({ youSaidNl: nl.trim() || null, youSaidEn: en.trim() || null })}
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
        value={nl}
        onChange={(e) => setNl(e.currentTarget.value)}
        error={errors['youSaidNl']}
        data-autofocus
      />
      <Textarea
        label={t('surveys.youSaid.en')}
        lang="en"
        autosize
        minRows={2}
        maxLength={SURVEY_LIMITS.youSaidLength}
        value={en}
        onChange={(e) => setEn(e.currentTarget.value)}
        error={errors['youSaidEn']}
      />
    </FormDialog>
  );
}
