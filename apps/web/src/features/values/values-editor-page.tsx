import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import type { ValueSetVersion } from '@wk/contracts';
import { newValue, PYRAMID_LEVELS, type PyramidLevel, type ValueDraft } from '@wk/domain';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, Loading, QueryState, useErrorMessage } from '../../components/states';
import { PublishDialog } from './publish-dialog';
import { OrderButtons } from '../../components/order-buttons';
import { ValueForm, type PublishedBehaviour } from './value-form';
import {
  exportUrl,
  useCurrentValues,
  useDiscardDraft,
  useImportTemplate,
  useSaveDraft,
  useStartDraft,
  useValueDraft,
  useValueTemplates,
  useValueVersions,
} from './values-api';
import {
  findProblems,
  localized,
  moveItem,
  toDraftContent,
  valueIndexOf,
  type Problem,
} from './values-model';

function TemplatePicker({ onDone }: { onDone?: () => void }) {
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

function NoDraft({ current }: { current: ValueSetVersion | null }) {
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

function Versions() {
  const { t } = useTranslation();
  const versions = useValueVersions();
  return (
    <section aria-labelledby="versions-title">
      <Title order={2} size="h4" id="versions-title" mb="sm">
        {t('values.editor.versions')}
      </Title>
      <QueryState query={versions}>
        {(list) => (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('values.editor.number')}</Table.Th>
                  <Table.Th>{t('values.editor.status')}</Table.Th>
                  <Table.Th>{t('values.editor.publishedAt')}</Table.Th>
                  <Table.Th>{t('values.editor.publishedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{v.number}</Table.Td>
                    <Table.Td>
                      {t(`values.editor.statuses.${v.status}`)}{' '}
                      {v.isCurrent && (
                        <Badge size="sm" color="teal.9">
                          {t('values.editor.current')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDateTime(v.publishedAt)}</Table.Td>
                    <Table.Td>{v.publishedByName ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </section>
  );
}

function AddValueForm({ onAdd }: { onAdd: (name: string, level: PyramidLevel) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [level, setLevel] = useState<PyramidLevel>('basis');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    onAdd(name.trim(), level);
    setName('');
  };
  return (
    <form onSubmit={submit} aria-label={t('values.editor.addValue')}>
      <Stack gap="xs">
        <TextInput
          label={t('values.editor.newValueName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Select
          label={t('values.editor.level')}
          allowDeselect={false}
          data={PYRAMID_LEVELS.map((l) => ({ value: l, label: t(`values.levels.${l}`) }))}
          value={level}
          onChange={(l) => l && setLevel(l as PyramidLevel)}
        />
        <Button type="submit" variant="default" disabled={!name.trim()}>
          {t('values.editor.add')}
        </Button>
      </Stack>
    </form>
  );
}

function DraftEditor({ draft, current }: { draft: ValueSetVersion; current: ValueSetVersion | null }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState<ValueDraft[]>(() => toDraftContent(draft.values));
  const [selected, setSelected] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [showBlocked, setShowBlocked] = useState(false);
  const [dialog, setDialog] = useState<'publish' | 'discard' | 'template' | null>(null);
  const save = useSaveDraft();
  const discard = useDiscardDraft();

  // When the server's draft content changes (a template replaced it), show what it holds now;
  // a refetch of the same content leaves the edits in progress alone.
  const serverContent = JSON.stringify(draft.values);
  const [seenContent, setSeenContent] = useState(serverContent);
  if (serverContent !== seenContent) {
    setSeenContent(serverContent);
    setValues(toDraftContent(draft.values));
    setDirty(false);
  }

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const publishedBehaviours: PublishedBehaviour[] = useMemo(
    () =>
      (current?.values ?? []).flatMap((v) =>
        v.behaviours.map((b) => ({ key: b.key, label: `${localized(v, i18n.language).name}: ${b.textNl}` })),
      ),
    [current, i18n.language],
  );
  const problems = findProblems(
    values,
    publishedBehaviours.map((b) => b.key),
  );
  const byField = new Map<string, Problem>();
  for (const p of problems) if (!byField.has(p.field)) byField.set(p.field, p);
  const errorFor = (field: string): string | undefined => {
    if (serverErrors[field]) return serverErrors[field];
    const problem = byField.get(field);
    if (!problem || problem.blocking === 'none') return undefined;
    return t(`values.problems.${problem.code}`, { max: problem.max });
  };
  const saveBlocked = problems.some((p) => p.blocking === 'save');
  const valuesWithProblems = new Set(
    problems.filter((p) => p.blocking !== 'none').map((p) => valueIndexOf(p.field)),
  );

  const update = (next: ValueDraft[]) => {
    setValues(next);
    setDirty(true);
    setServerErrors({});
  };
  const onSave = () => {
    if (saveBlocked) {
      setShowBlocked(true);
      return;
    }
    setShowBlocked(false);
    save.mutate(values, {
      onSuccess: () => setDirty(false),
      onError: (error) => error instanceof ApiError && setServerErrors(error.fieldErrors()),
    });
  };
  const value = values[selected];
  const nameOf = (v: ValueDraft) => localized(v, i18n.language).name || v.key;
  const warnings = problems.filter((p) => p.blocking === 'none');

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
          <Button onClick={onSave} loading={save.isPending} disabled={!dirty}>
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
      {showBlocked && saveBlocked && (
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
      {warnings.map((w) => (
        <Alert key={w.code} color="yellow">
          {t(`values.problems.${w.code}`)}
        </Alert>
      ))}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <nav aria-labelledby="draft-values-title">
              <Title order={3} size="h5" id="draft-values-title" mb="xs">
                {t('values.editor.valuesList')}
              </Title>
              {values.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('values.editor.noValues')}
                </Text>
              ) : (
                <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {values.map((v, i) => (
                    <Group
                      key={v.key}
                      component="li"
                      justify="space-between"
                      wrap="nowrap"
                      gap={4}
                      className={i === selected ? 'draft-value selected' : 'draft-value'}
                    >
                      <UnstyledButton
                        onClick={() => setSelected(i)}
                        aria-current={i === selected ? 'true' : undefined}
                        style={{ flex: 1, minWidth: 0 }}
                      >
                        <Text fw={i === selected ? 700 : 500} truncate>
                          {nameOf(v)}
                          {valuesWithProblems.has(i) && (
                            <Text span c="red.9" fw={700} aria-label={t('values.editor.problemsTitle')}>
                              {' '}
                              !
                            </Text>
                          )}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`values.levels.${v.level}`)} · {v.behaviours.length}
                        </Text>
                      </UnstyledButton>
                      <OrderButtons
                        labels={{
                          up: t('values.editor.moveUp', { name: nameOf(v) }),
                          down: t('values.editor.moveDown', { name: nameOf(v) }),
                          remove: t('values.editor.removeValue', { name: nameOf(v) }),
                        }}
                        first={i === 0}
                        last={i === values.length - 1}
                        onMove={(d) => {
                          update(moveItem(values, i, d));
                          if (selected === i) setSelected(Math.max(0, Math.min(values.length - 1, i + d)));
                        }}
                        onRemove={() => {
                          update(values.filter((_, j) => j !== i));
                          setSelected(
                            Math.max(
                              0,
                              selected > i || selected === values.length - 1 ? selected - 1 : selected,
                            ),
                          );
                        }}
                      />
                    </Group>
                  ))}
                </Stack>
              )}
            </nav>
            <Paper withBorder p="sm" radius="md">
              <AddValueForm
                onAdd={(name, level) => {
                  update([
                    ...values,
                    newValue(
                      name,
                      level,
                      values.map((v) => v.key),
                    ),
                  ]);
                  setSelected(values.length);
                }}
              />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {value ? (
            <section aria-label={t('values.editor.valueForm', { name: nameOf(value) })}>
              <ValueForm
                key={value.key}
                value={value}
                index={selected}
                errorFor={errorFor}
                publishedBehaviours={publishedBehaviours}
                takenBehaviourKeys={values.flatMap((v) => v.behaviours.map((b) => b.key))}
                onChange={(next) => update(values.map((v, i) => (i === selected ? next : v)))}
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

export function ValuesEditorPage() {
  const { t } = useTranslation();
  const draft = useValueDraft();
  const current = useCurrentValues();
  return (
    <Page title={t('values.editor.title')} intro={t('values.editor.intro')}>
      {draft.isPending || current.isPending ? (
        <Loading />
      ) : draft.isError || current.isError ? (
        <ErrorState
          error={draft.error ?? current.error}
          onRetry={() => {
            void draft.refetch();
            void current.refetch();
          }}
        />
      ) : draft.data ? (
        <DraftEditor key={draft.data.id} draft={draft.data} current={current.data} />
      ) : (
        <NoDraft current={current.data} />
      )}
      <Versions />
    </Page>
  );
}
