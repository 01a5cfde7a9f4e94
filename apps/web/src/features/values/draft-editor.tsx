import { Alert, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { ValueSetVersion } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { EmptyState, ErrorState, useErrorMessage } from '../../components/states';
import { DraftValueList } from './draft-value-list';
import { PublishDialog } from './publish-dialog';
import { TemplatePicker } from './template-picker';
import { useDraftEditor } from './use-draft-editor';
import { ValueForm } from './value-form';
import { useDiscardDraft } from './values-api';

/** The draft's editor: toolbar (save, publish, template, discard), its values and the selected value's form. */
export function DraftEditor({ draft, current }: { draft: ValueSetVersion; current: ValueSetVersion | null }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [dialog, setDialog] = useState<'publish' | 'discard' | 'template' | null>(null);
  const discard = useDiscardDraft();
  const editor = useDraftEditor(draft, current);
  const { values, selected, dirty, save, saveBlocked, errorFor, nameOf } = editor;
  const value = values[selected];

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" className="editor-toolbar">
        <Group gap="sm">
          <Title order={2} size="h4">
            {t('values.editor.draftOf', { number: draft.number })}
          </Title>
          <Text size="sm" c={dirty ? 'orange.9' : 'dimmed'} role="status" aria-live="polite">
            {dirty ? t('values.editor.unsaved') : t('values.editor.allSaved')}
          </Text>
        </Group>
        <Group gap="xs">
          <Button onClick={editor.onSave} loading={save.isPending} disabled={!dirty}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={() => setDialog('publish')} disabled={dirty}>
            {t('values.editor.publish')}
          </Button>
          <Button variant="default" onClick={() => setDialog('template')}>
            {t('values.editor.useTemplate')}
          </Button>
          <Button variant="default" onClick={() => setDialog('discard')}>
            {t('values.editor.discard')}
          </Button>
        </Group>
      </Group>
      {editor.showBlocked && saveBlocked && (
        <Alert color="red" role="alert">
          {t('values.editor.saveBlocked')}
        </Alert>
      )}
      {save.isError && !(save.error instanceof ApiError && save.error.status === 400) && (
        <ErrorState error={save.error} />
      )}
      {save.isError && save.error instanceof ApiError && save.error.status === 400 && (
        <Alert color="red" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
      {editor.warnings.map((w) => (
        <Alert key={w.code} color="yellow">
          {t(`values.problems.${w.code}`)}
        </Alert>
      ))}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <DraftValueList
            values={values}
            selected={selected}
            onSelect={editor.setSelected}
            update={editor.update}
            nameOf={nameOf}
            valuesWithProblems={editor.valuesWithProblems}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {value ? (
            <section aria-label={t('values.editor.valueForm', { name: nameOf(value) })}>
              <ValueForm
                key={value.key}
                value={value}
                index={selected}
                errorFor={errorFor}
                publishedBehaviours={editor.publishedBehaviours}
                takenBehaviourKeys={values.flatMap((v) => v.behaviours.map((b) => b.key))}
                onChange={(next) => editor.update(values.map((v, i) => (i === selected ? next : v)))}
              />
            </section>
          ) : (
            <EmptyState>{t('values.editor.noValues')}</EmptyState>
          )}
        </Grid.Col>
      </Grid>
      {errorFor('values') && (
        <Text c="red.9" size="sm">
          {errorFor('values')}
        </Text>
      )}
      {dialog === 'publish' && <PublishDialog number={draft.number} onClose={() => setDialog(null)} />}
      {dialog === 'template' && (
        <Dialog title={t('values.editor.useTemplate')} onClose={() => setDialog(null)}>
          <Stack>
            <Text size="sm">{t('values.editor.templateReplaces')}</Text>
            <TemplatePicker onDone={() => setDialog(null)} />
          </Stack>
        </Dialog>
      )}
      {dialog === 'discard' && (
        <Dialog title={t('values.editor.discard')} onClose={() => setDialog(null)}>
          <Stack>
            <Text>{t('values.editor.discardConfirm')}</Text>
            {discard.isError && <ErrorState error={discard.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red.9" loading={discard.isPending} onClick={() => discard.mutate()}>
                {t('values.editor.discard')}
              </Button>
            </Group>
          </Stack>
        </Dialog>
      )}
    </Stack>
  );
}
