import { Alert, Anchor, Button, Checkbox, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import type { ImportKind, ImportPreview } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvFileInput, useCsvUpload } from '../../components/csv-upload';
import { Page } from '../../components/page';
import { ErrorState } from '../../components/states';
import { isFinished, useImportJob, usePreviewImport, useRunImport } from './import-api';
import { ImportProgress } from './import-progress';
import { ImportRows } from './import-rows';

const EXAMPLES: Record<ImportKind, string> = {
  employees: '/examples/medewerkers.csv',
  teams: '/examples/teams.csv',
};

/**
 * Two steps: preview (nothing stored) and import (refused while rows have errors): a worker job
 * that applies the file in one transaction while the page shows its progress.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('employees');
  const [invite, setInvite] = useState(false);
  const preview = usePreviewImport();
  const run = useRunImport();
  const csv = useCsvUpload<ImportPreview>({ preview, store: run, chooseFileText: t('import.chooseFile') });
  const file = csv.file;
  const jobQuery = useImportJob(run.data);
  const job = run.data ? jobQuery.data : undefined;
  const running = !!job && !isFinished(job);
  const shown: ImportPreview | undefined =
    (isFinished(job) ? job?.result : undefined) ?? csv.refused ?? preview.data;
  const hasErrors = !!shown && shown.summary.error > 0;
  const s = shown?.summary;

  return (
    <Page title={t('import.title')} intro={t('import.intro')}>
      <Paper withBorder p="md">
        <form onSubmit={csv.submitPreview((chosen) => preview.mutate({ kind, file: chosen }))} noValidate>
          <Stack gap="md">
            <Radio.Group
              label={t('import.kind')}
              value={kind}
              onChange={(v) => {
                setKind(v as ImportKind);
                csv.reset();
              }}
            >
              <Group mt={6}>
                <Radio value="employees" label={t('import.employees')} />
                <Radio value="teams" label={t('import.teams')} />
              </Group>
            </Radio.Group>
            <CsvFileInput
              label={t('import.file')}
              description={t('import.fileHint')}
              error={csv.fileError}
              onFile={csv.chooseFile}
            />
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
                loading={run.isPending || running}
                onClick={() => file && run.mutate({ kind, file, invite: kind === 'employees' && invite })}
              >
                {t('import.run')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {csv.otherError && <ErrorState error={run.error ?? preview.error} />}
      {jobQuery.isError && <ErrorState error={jobQuery.error} />}
      {job && (
        <div aria-live="polite">
          <ImportProgress job={job} />
        </div>
      )}

      {shown && s && (
        <Stack gap="sm" aria-live="polite">
          {!job && <Text>{t('import.summary', { ...s })}</Text>}
          {hasErrors && (
            <Alert color="red" role="alert" variant="light">
              {t('import.fixErrors')}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('import.format', {
              encoding: shown.encoding.toUpperCase(),
              delimiter: shown.delimiter === '\t' ? t('import.tab') : shown.delimiter,
            })}
          </Text>
          <ImportRows preview={shown} />
        </Stack>
      )}
    </Page>
  );
}
