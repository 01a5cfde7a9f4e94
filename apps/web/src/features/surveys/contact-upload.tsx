import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ContactPreview, Survey } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { CsvFileInput, useCsvUpload } from '../../components/csv-upload';
import { ErrorState } from '../../components/states';
import { TitledSection } from '../../components/titled-section';
import { ContactRows } from './contact-rows';
import { usePreviewContacts, useUploadContacts } from './surveys-api';

/** Two steps: preview the file (nothing stored), then send at once or keep for the next wave. */
export function ContactUpload({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const preview = usePreviewContacts();
  const upload = useUploadContacts();
  const csv = useCsvUpload<ContactPreview>({
    preview,
    store: upload,
    chooseFileText: t('surveys.contacts.chooseFile'),
  });
  const file = csv.file;
  const store = (send: boolean) => file && upload.mutate({ surveyId: survey.id, file, send });
  const shown = csv.refused ?? preview.data;
  const hasErrors = !!shown && shown.errors > 0;
  const result = upload.data;

  return (
    <TitledSection title={t('surveys.contacts.title')} intro={t('surveys.contacts.intro')}>
      <form
        onSubmit={csv.submitPreview((chosen) => preview.mutate({ surveyId: survey.id, file: chosen }))}
        noValidate
      >
        <Stack gap="sm">
          <CsvFileInput label={t('surveys.contacts.file')} error={csv.fileError} onFile={csv.chooseFile} />
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
      {csv.otherError && <ErrorState error={upload.error ?? preview.error} />}
      <Stack gap="sm" aria-live="polite">
        {result && (
          <Alert color="teal" variant="light" role="status">
            <Text size="sm">
              {result.wave
                ? t('surveys.contacts.sent', { invited: result.wave.invited })
                : t('surveys.contacts.stored', { added: result.added })}
            </Text>
            {result.wave && <Text size="sm">{t('surveys.contacts.youSaidLater')}</Text>}
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
    </TitledSection>
  );
}
