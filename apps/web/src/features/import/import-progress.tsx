import { Alert, Progress, Stack, Text } from '@mantine/core';
import type { ImportJob } from '@wk/contracts';
import { useTranslation } from 'react-i18next';

/** Where a started import is: queued, running (a bar of rows applied), done or failed with the reason. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { done, total } = job.progress;
  if (job.status === 'failed')
    return (
      <Alert color="red" role="alert" variant="light" title={t('import.failed')}>
        {job.error}
      </Alert>
    );
  if (job.status === 'done') {
    const s = job.result?.summary;
    return (
      <Alert color="teal" role="status" variant="light">
        {!s || s.create + s.update === 0 ? t('import.nothingToDo') : t('import.done', { ...s })}
      </Alert>
    );
  }
  const label = job.status === 'queued' ? t('import.queued') : t('import.running', { done, total });
  return (
    <Stack gap={4} role="status">
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Progress value={(done / Math.max(1, total)) * 100} animated aria-label={label} />
    </Stack>
  );
}
