import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import type { Segment } from '@wk/contracts';
import { SURVEY_LIMITS } from '@wk/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/states';
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
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [persona, setPersona] = useState(segment?.persona ?? '');
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        id: segment?.id,
        body: { name: name.trim(), description: description.trim(), persona: persona.trim() },
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <Dialog
      title={segment ? t('customers.editSegment', { name: segment.name }) : t('customers.newSegment')}
      onClose={onClose}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('customers.segmentName')}
            required
            maxLength={SURVEY_LIMITS.segmentNameLength}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors['name']}
            data-autofocus
          />
          <Textarea
            label={t('customers.segmentDescription')}
            description={t('customers.segmentDescriptionHint')}
            autosize
            minRows={2}
            maxLength={SURVEY_LIMITS.descriptionLength}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors['description']}
          />
          <Textarea
            label={t('customers.persona')}
            description={t('customers.personaHint')}
            autosize
            minRows={3}
            maxLength={SURVEY_LIMITS.descriptionLength}
            value={persona}
            onChange={(e) => setPersona(e.currentTarget.value)}
            error={errors['persona']}
          />
          {save.isError && Object.keys(errors).length === 0 && <ErrorState error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
