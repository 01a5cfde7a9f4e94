import { Alert, Button, Group, Input, Paper, Stack, Text, Title } from '@mantine/core';
import type { ContactPreview, Survey } from '@wk/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorState } from '../../components/states';
import { ContactRows } from './contact-rows';
import { usePreviewContacts, useUploadContacts } from './surveys-api';

/** Two steps: preview the file (nothing stored), then send at once or keep for the next wave. */
export function ContactUpload({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState('');
  const preview = usePreviewContacts();
  const upload = useUploadContacts();

  const reset = () => {
    preview.reset();
    upload.reset();
  };
  const submitPreview = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setFileError(t('surveys.contacts.chooseFile'));
    setFileError('');
    upload.reset();
    preview.mutate({ surveyId: survey.id, file });
  };
  const store = (send: boolean) => file && upload.mutate({ surveyId: survey.id, file, send });

  // A refused upload answers with its preview, so its row errors show the same way.
  const refused =
    upload.error instanceof ApiError
      ? (upload.error.body['preview'] as ContactPreview | undefined)
      : undefined;
  const shown = refused ?? preview.data;
  const apiFileError = [preview.error, upload.error]
    .map((e) => (e instanceof ApiError ? e.fieldErrors()['file'] : undefined))
    .find(Boolean);
  const hasErrors = !!shown && shown.errors > 0;
  const result = upload.data;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="contacts-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="contacts-title">
          {t('surveys.contacts.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('surveys.contacts.intro')}
        </Text>
        <form onSubmit={submitPreview} noValidate>
          <Stack gap="sm">
            <Input.Wrapper label={t('surveys.contacts.file')} error={fileError || apiFileError} id={fileId}>
              <input
                id={fileId}
                type="file"
                accept=".csv,text/csv"
                aria-invalid={!!(fileError || apiFileError)}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  reset();
                }}
                style={{ display: 'block', marginTop: 6, maxWidth: '100%' }}
              />
            </Input.Wrapper>
            <Group gap="sm">
              <Button type="submit" variant="default" loading={preview.isPending}>
                {t('surveys.contacts.preview')}
              </Button>
              <Button
                disabled={!preview.data || hasErrors || !!result}
                loading={upload.isPending && upload.variables?.send === true}
                onClick={() => store(true)}
              >
                {t('surveys.contacts.sendNow')}
              </Button>
              <Button
                variant="default"
                disabled={!preview.data || hasErrors || !!result}
                loading={upload.isPending && upload.variables?.send === false}
                onClick={() => store(false)}
              >
                {t('surveys.contacts.keep')}
              </Button>
            </Group>
          </Stack>
        </form>
        {(preview.isError || upload.isError) && !apiFileError && !refused && (
          <ErrorState error={upload.error ?? preview.error} />
        )}
        <Stack gap="sm" aria-live="polite">
          {result && (
            <Alert color="teal" variant="light" role="status">
              <Text size="sm">
                {result.wave
                  ? t('surveys.contacts.sent', { invited: result.wave.invited })
                  : t('surveys.contacts.stored', { added: result.added })}
              </Text>
              {result.quarantined + result.duplicates > 0 && (
                <Text size="sm">
                  {t('surveys.contacts.skipped', {
                    quarantined: result.quarantined,
                    duplicates: result.duplicates,
                  })}
                </Text>
              )}
            </Alert>
          )}
          {shown && !result && (
            <>
              <Text size="sm">
                {t('surveys.contacts.summary', {
                  new: shown.new,
                  quarantined: shown.quarantined,
                  duplicates: shown.duplicates,
                  errors: shown.errors,
                })}
              </Text>
              {hasErrors && (
                <Alert color="red" variant="light" role="alert">
                  {t('surveys.contacts.fixErrors')}
                </Alert>
              )}
              <ContactRows preview={shown} />
            </>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
