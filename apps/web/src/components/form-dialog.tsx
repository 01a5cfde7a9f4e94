import { Button, Group, Stack, type MantineSize, type ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { Dialog } from './dialog';
import { ErrorState } from './states';

/** What a form needs to know of its save mutation. */
export interface SaveState {
  error: unknown;
  isError: boolean;
  isPending: boolean;
}

/**
 * The api's validation errors of a failed save, by field name (shown under their fields), and
 * whether the failure has no field to show it at, so the form must show it on its own.
 */
export function saveErrors(save: Pick<SaveState, 'error' | 'isError'>) {
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return { fields, other: save.isError && Object.keys(fields).length === 0 };
}

/**
 * A form in a dialog: the fields, then an error not tied to a field, then cancel and submit.
 * `onSubmit` runs without the browser's own submit (and its validation: the api's errors show).
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  save,
  submitLabel,
  size,
  fullScreenOnPhone = false,
  gap = 'sm',
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  save: SaveState;
  submitLabel: string;
  size?: ModalProps['size'];
  /** Long forms take the whole screen on a phone rather than a cramped modal. */
  fullScreenOnPhone?: boolean;
  gap?: MantineSize;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog title={title} onClose={onClose} size={size} fullScreen={fullScreenOnPhone ? phone : undefined}>
      <form onSubmit={submit} noValidate>
        <Stack gap={gap}>
          {children}
          {saveErrors(save).other && <ErrorState error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
