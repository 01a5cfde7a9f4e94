import { Anchor, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import type { ValueSetVersion } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/states';
import { exportUrl, useImportTemplate, useStartDraft, useValueTemplates } from './values-api';

/** Replaces the draft's content by a template (a new draft when there is none). */
export function TemplatePicker({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const templates = useValueTemplates(true);
  const importTemplate = useImportTemplate();
  const [key, setKey] = useState<string | null>(null);
  return (
    <Group align="flex-end" wrap="wrap">
      <Select
        label={t('values.editor.template')}
        placeholder={templates.isPending ? t('common.loading') : undefined}
        data={(templates.data ?? []).map((tp) => ({ value: tp.key, label: `${tp.name} (${tp.valueCount})` }))}
        value={key}
        onChange={setKey}
        w={260}
      />
      <Button
        variant="default"
        disabled={!key}
        loading={importTemplate.isPending}
        onClick={() => key && importTemplate.mutate(key, { onSuccess: () => onDone?.() })}
      >
        {t('values.editor.useTemplate')}
      </Button>
      {importTemplate.isError && <ErrorState error={importTemplate.error} />}
    </Group>
  );
}

/** No draft yet: start one from the current version, or from a template. */
export function NoDraft({ current }: { current: ValueSetVersion | null }) {
  const { t } = useTranslation();
  const start = useStartDraft();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Text>{t('values.editor.noDraft')}</Text>
        <Group>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {t('values.editor.newDraft')}
          </Button>
          {current && (
            <Anchor href={exportUrl(current.id)} download>
              {t('values.editor.export')}
            </Anchor>
          )}
        </Group>
        {start.isError && <ErrorState error={start.error} />}
        <TemplatePicker />
      </Stack>
    </Paper>
  );
}
