import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { ACTION_LIMITS, ACTION_STATUSES, type ActionDetail, type ActionStatus } from '@wk/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../components/format';
import { Page } from '../../components/page';
import { QueryState, useErrorMessage } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { periodLabel } from '../insights/period-model';
import { formatNumber } from '../insights/table-model';
import { useAction, useAddNote, useUpdateAction } from './actions-api';
import { STATUS_COLOR } from './action-model';
import { useCellText } from './actions-page';

function Effect({ action }: { action: ActionDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const e = action.effect;
  const metric = t(`actions.metrics.${action.cell.metric}`);
  const kind = action.cell.metric === 'self' ? 'self' : 'grade';
  const num = (v: number | null) => (v === null ? '–' : formatNumber(v, kind, lang));
  const periods = { before: periodLabel(e.before, lang), after: periodLabel(e.after, lang) };
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('actions.effect.title')}
        </Title>
        {e.state === 'pending' ? (
          <Text>{t('actions.effect.pending', { metric, ...periods })}</Text>
        ) : (
          <>
            <Text fw={700}>{t(`actions.effect.verdicts.${e.verdict}`)}</Text>
            <Text size="sm">
              {t('actions.effect.measured', {
                metric,
                ...periods,
                beforeValue: num(e.beforeMean),
                afterValue: num(e.afterMean),
                beforeN: e.beforeN ?? '–',
                afterN: e.afterN ?? '–',
              })}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Notes({ action }: { action: ActionDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const add = useAddNote(action.id);
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('actions.notes')}
        </Title>
        {action.notes.length === 0 ? (
          <Text c="dimmed">{t('actions.noNotes')}</Text>
        ) : (
          <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {action.notes.map((n) => (
              <li key={n.id}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {n.body}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('actions.noteBy', { name: n.author?.name ?? '–', at: formatDateTime(n.createdAt) })}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {action.canEdit && (
          <form onSubmit={submit}>
            <Stack gap="xs">
              <Textarea
                label={t('actions.note')}
                required
                autosize
                minRows={2}
                maxLength={ACTION_LIMITS.noteMax}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
              />
              {add.isError && (
                <Alert color="red" role="alert">
                  {errorMessage(add.error)}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={add.isPending} disabled={!body.trim()}>
                  {t('actions.addNote')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function Detail({ action }: { action: ActionDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateAction(action.id);
  const cellText = useCellText();
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text>
            <strong>{t('actions.focusTitle')}:</strong> {action.focusTitle}
          </Text>
          <Text>
            <strong>{t('actions.cell')}:</strong> {cellText(action)} (
            {t(`actions.metrics.${action.cell.metric}`)})
          </Text>
          <Text>
            <strong>{t('actions.owner')}:</strong> {action.owner.name}
          </Text>
          <Text>
            <strong>{t('actions.dueDate')}:</strong> {formatDate(`${action.dueDate}T12:00:00`)}
          </Text>
          {action.canEdit ? (
            <Select
              label={t('actions.status')}
              value={action.status}
              allowDeselect={false}
              onChange={(s) => s && update.mutate({ status: s as ActionStatus })}
              data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actions.statuses.${s}`) }))}
              w={220}
              disabled={update.isPending}
            />
          ) : (
            <Group gap="xs">
              <Text fw={700}>{t('actions.status')}:</Text>
              <StatusBadge color={STATUS_COLOR[action.status]}>
                {t(`actions.statuses.${action.status}`)}
              </StatusBadge>
            </Group>
          )}
          {update.isError && (
            <Alert color="red" role="alert">
              {errorMessage(update.error)}
            </Alert>
          )}
          {!action.canEdit && (
            <Text size="sm" c="dimmed">
              {t('actions.readOnly')}
            </Text>
          )}
        </Stack>
      </Paper>
      <Notes action={action} />
      <Effect action={action} />
    </Stack>
  );
}

/** /actions/:id: one action, its status, progress notes and whether it worked. */
export function ActionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const action = useAction(id);
  return (
    <Page title={action.data?.what ?? t('actions.title')}>
      <Stack gap="md">
        <Anchor component={Link} to="/actions">
          ← {t('actions.back')}
        </Anchor>
        <QueryState query={action}>{(a) => <Detail action={a} />}</QueryState>
      </Stack>
    </Page>
  );
}
