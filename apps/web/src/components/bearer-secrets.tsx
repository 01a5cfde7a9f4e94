import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrors } from './form-dialog';
import { ConfirmDialog } from './confirm-dialog';
import { CopyField } from './copy-field';
import { showApiErrorsIn, useFormRules } from './api-form';
import { ErrorState } from './states';

/** A secret shown this once (after creation or rotation) with a copy button and the warning. */
export function ShownOnce({
  title,
  warning,
  label,
  value,
  copyLabel,
}: {
  title: string;
  warning: string;
  label: string;
  value: string;
  copyLabel: string;
}) {
  return (
    <Alert color="yellow" variant="light" role="status">
      <Stack gap="sm">
        <Text fw={700} c="gray.9">
          {title}
        </Text>
        <Text size="sm" c="gray.9">
          {warning}
        </Text>
        <CopyField label={label} value={value} copyLabel={copyLabel} />
      </Stack>
    </Alert>
  );
}

/** What the name form needs of its create mutation. */
interface CreateByName {
  mutate(body: { name: string }, options: { onSuccess: () => void; onError: (error: unknown) => void }): void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/**
 * The one-field form that makes a named bearer secret (API key, SCIM token). `ns` names the
 * feature's texts: name, nameHint, create.
 */
export function CreateByNameForm({
  ns,
  create,
  maxLength,
  minWidth,
  onSubmit,
}: {
  ns: 'apiKeys' | 'scim';
  create: CreateByName;
  maxLength: number;
  minWidth: number;
  /** Runs before the save (e.g. to clear an earlier note). */
  onSubmit?: () => void;
}) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const form = useForm({ initialValues: { name: '' }, validate: { name: rules.required } });
  const submit = form.onSubmit(({ name }) => {
    onSubmit?.();
    create.mutate({ name: name.trim() }, { onSuccess: () => form.reset(), onError: showApiErrorsIn(form) });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t(`${ns}.name`)}
          description={t(`${ns}.nameHint`)}
          required
          maxLength={maxLength}
          {...form.getInputProps('name')}
          style={{ flex: `1 1 ${minWidth}px` }}
        />
        <Button type="submit" loading={create.isPending}>
          {t(`${ns}.create`)}
        </Button>
      </Group>
      {saveErrors(create).other && <ErrorState error={create.error} />}
    </form>
  );
}

/**
 * "Revoke this secret?" for a list of bearer secrets; `onRevoked` gets the note to show. `ns`
 * names the feature's texts: revokeTitle, confirmRevoke, revoke, revokedNote.
 */
export function RevokeConfirm<T extends { id: string; name: string }>({
  ns,
  item,
  revoke,
  onClose,
  onRevoked,
}: {
  ns: 'apiKeys' | 'scim';
  item: T;
  revoke: { mutate(item: T, options: { onSuccess: () => void }): void; isPending: boolean; error: unknown };
  onClose: () => void;
  onRevoked: (note: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t(`${ns}.revokeTitle`)}
      message={t(`${ns}.confirmRevoke`, { name: item.name })}
      confirmLabel={t('secrets.revoke')}
      loading={revoke.isPending}
      error={revoke.error ?? undefined}
      onClose={onClose}
      onConfirm={() =>
        revoke.mutate(item, {
          onSuccess: () => {
            onRevoked(t(`${ns}.revokedNote`, { name: item.name }));
            onClose();
          },
        })
      }
    />
  );
}

/**
 * The revoke flow of a list of bearer secrets: which one is being revoked, the note after, and
 * the confirmation dialog to render. A revoked secret that is still shown (just created) goes.
 */
export function useRevokeFlow<T extends { id: string; name: string }>(
  ns: 'apiKeys' | 'scim',
  revoke: {
    mutate(item: T, options: { onSuccess: () => void }): void;
    reset(): void;
    isPending: boolean;
    error: unknown;
  },
  created: { data?: { id: string }; reset(): void },
) {
  const [revoking, setRevoking] = useState<T | null>(null);
  const [note, setNote] = useState('');
  return {
    note,
    clearNote: () => setNote(''),
    startRevoke: (item: T) => {
      revoke.reset();
      setRevoking(item);
    },
    dialog: revoking && (
      <RevokeConfirm
        ns={ns}
        item={revoking}
        revoke={revoke}
        onClose={() => setRevoking(null)}
        onRevoked={(revokedNote) => {
          setNote(revokedNote);
          if (created.data?.id === revoking.id) created.reset();
        }}
      />
    ),
  };
}
