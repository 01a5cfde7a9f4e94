import { Alert, Anchor, Button, Checkbox, Group, Input, Paper, Radio, Stack, Text } from '@mantine/core';
import type { ImportKind, ImportPreview } from '@wk/contracts';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Page } from '../../components/page';
import { ErrorState } from '../../components/states';
import { usePreviewImport, useRunImport } from './import-api';
import { ImportRows } from './import-rows';

const EXAMPLES: Record<ImportKind, string> = {
  employees: '/examples/medewerkers.csv',
  teams: '/examples/teams.csv',
};

/** Two steps: preview (nothing stored) and import (one transaction, refused while rows have errors). */
export function ImportPage() {
  const { t } = useTranslation();
  const fileId = useId();
  const [kind, setKind] = useState<ImportKind>('employees');
  const [file, setFile] = useState<File | null>(null);
  const [invite, setInvite] = useState(false);
  const [fileError, setFileError] = useState('');
  const preview = usePreviewImport();
  const run = useRunImport();

  const reset = () => {
    preview.reset();
    run.reset();
  };
  const submitPreview = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setFileError(t('import.chooseFile'));
    setFileError('');
    run.reset();
    preview.mutate({ kind, file });
  };

  // A refused import answers with its preview, so its row errors show the same way.
  const refused =
    run.error instanceof ApiError ? (run.error.body['preview'] as ImportPreview | undefined) : undefined;
  const shown: ImportPreview | undefined = run.data ?? refused ?? preview.data;
  const apiFileError = [preview.error, run.error]
    .map((e) => (e instanceof ApiError ? e.fieldErrors()['file'] : undefined))
    .find(Boolean);
  const hasErrors = !!shown && shown.summary.error > 0;
  const s = shown?.summary;

  return (
    <Page title={t('import.title')} intro={t('import.intro')}>
      <Paper withBorder p="md">
        <form onSubmit={submitPreview} noValidate>
          <Stack gap="md">
            <Radio.Group
              label={t('import.kind')}
              value={kind}
              onChange={(v) => {
                setKind(v as ImportKind);
                reset();
              }}
            >
              <Group mt={6}>
                <Radio value="employees" label={t('import.employees')} />
                <Radio value="teams" label={t('import.teams')} />
              </Group>
            </Radio.Group>
            <Input.Wrapper
              label={t('import.file')}
              description={t('import.fileHint')}
              error={fileError || apiFileError}
              id={fileId}
            >
              <input
                id={fileId}
                type="file"
                accept=".csv,text/csv"
                aria-invalid={!!(fileError || apiFileError)}
                aria-describedby={`${fileId}-description`}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  reset();
                }}
                style={{ display: 'block', marginTop: 6 }}
              />
            </Input.Wrapper>
            <Anchor href={EXAMPLES[kind]} download size="sm">
              {t('import.example')}
            </Anchor>
            {kind === 'employees' && (
              <Checkbox
                label={t('import.invite')}
                checked={invite}
                onChange={(e) => setInvite(e.currentTarget.checked)}
              />
            )}
            <Group>
              <Button type="submit" variant="default" loading={preview.isPending}>
                {t('import.preview')}
              </Button>
              <Button
                disabled={!preview.data || hasErrors || !!run.data}
                loading={run.isPending}
                onClick={() => file && run.mutate({ kind, file, invite: kind === 'employees' && invite })}
              >
                {t('import.run')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {(preview.isError || run.isError) && !apiFileError && !refused && (
        <ErrorState error={run.error ?? preview.error} />
      )}

      {shown && s && (
        <Stack gap="sm" aria-live="polite">
          {run.data ? (
            <Alert color="teal" role="status" variant="light">
              {s.create + s.update === 0 ? t('import.nothingToDo') : t('import.done', { ...s })}
            </Alert>
          ) : (
            <Text>{t('import.summary', { ...s })}</Text>
          )}
          {hasErrors && (
            <Alert color="red" role="alert" variant="light">
              {t('import.fixErrors')}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('import.format', { encoding: shown.encoding, delimiter: shown.delimiter })}
          </Text>
          <ImportRows preview={shown} />
        </Stack>
      )}
    </Page>
  );
}
