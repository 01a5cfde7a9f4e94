import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import type { ValueChange } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Dialog } from '../../components/dialog';
import { ErrorState, Loading } from '../../components/states';
import { useDraftReview, usePublishDraft } from './values-api';

/** Field names of a value, as the editor labels them. */
const FIELD_LABELS: Record<string, string> = {
  nameNl: 'values.editor.nameNl',
  nameEn: 'values.editor.nameEn',
  descriptionNl: 'values.editor.descriptionNl',
  descriptionEn: 'values.editor.descriptionEn',
  level: 'values.editor.level',
  tier: 'values.editor.tier',
  charge: 'values.editor.charge',
  theme: 'values.editor.theme',
  targetGrade: 'values.editor.targetGrade',
  questionNl: 'values.editor.questionNl',
  questionEn: 'values.editor.questionEn',
  loadings: 'values.editor.loadings',
};

function ChangeItem({ change }: { change: ValueChange }) {
  const { t } = useTranslation();
  const details = [
    change.fields.length
      ? t('values.publish.fields', { fields: change.fields.map((f) => t(FIELD_LABELS[f] ?? f)).join(', ') })
      : null,
    change.moved ? t('values.publish.moved') : null,
  ].filter(Boolean);
  return (
    <List.Item>
      <Text fw={600}>{t(`values.publish.${change.kind}`, { name: change.name })}</Text>
      {details.length > 0 && <Text size="sm">{details.join(' · ')}</Text>}
      {change.behaviours.length > 0 && (
        <List size="sm" withPadding>
          {change.behaviours.map((b) => (
            <List.Item key={`${b.kind}-${b.key}`}>
              <Text span fw={600} size="sm">
                {t(`values.publish.behaviour.${b.kind}`)}:
              </Text>{' '}
              {b.before && b.after ? (
                <>
                  <del>{b.before}</del> → <ins>{b.after}</ins>
                </>
              ) : (
                (b.after ?? b.before)
              )}
            </List.Item>
          ))}
        </List>
      )}
    </List.Item>
  );
}

/** Shows what publishing changes, what blocks it and what to watch, then publishes on confirmation. */
export function PublishDialog({ number, onClose }: { number: number; onClose: () => void }) {
  const { t } = useTranslation();
  const review = useDraftReview(true);
  const publish = usePublishDraft();
  const navigate = useNavigate();
  const onPublish = () =>
    publish.mutate(undefined, {
      onSuccess: (version) =>
        navigate('/values', { state: { published: version ? version.number : number } }),
    });
  return (
    <Dialog title={t('values.publish.title', { number })} onClose={onClose} size="lg">
      {review.isPending ? (
        <Loading />
      ) : review.isError ? (
        <ErrorState error={review.error} onRetry={() => void review.refetch()} />
      ) : (
        <Stack gap="md">
          <Text size="sm">{t('values.publish.intro')}</Text>
          {review.data.diff.values.length === 0 ? (
            <Text>{t('values.publish.noChanges')}</Text>
          ) : (
            <List spacing="xs" aria-label={t('values.publish.title', { number })}>
              {review.data.diff.values.map((change) => (
                <ChangeItem key={`${change.kind}-${change.key}`} change={change} />
              ))}
            </List>
          )}
          {review.data.diff.unchanged > 0 && review.data.diff.values.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('values.publish.unchanged', { count: review.data.diff.unchanged })}
            </Text>
          )}
          {review.data.check.warnings.length > 0 && (
            <Alert color="yellow" title={t('values.publish.warnings')}>
              {review.data.check.warnings.map((w) => (
                <Text key={w.code} size="sm">
                  {t(`values.problems.${w.code}`)}
                </Text>
              ))}
            </Alert>
          )}
          {review.data.check.errors.length > 0 && (
            <Alert color="red" title={t('values.publish.blocked')} role="alert">
              {review.data.check.errors.map((e) => (
                <Text key={`${e.field}-${e.code}`} size="sm">
                  {e.message}
                </Text>
              ))}
            </Alert>
          )}
          {publish.isError && <ErrorState error={publish.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={onPublish} loading={publish.isPending} disabled={!review.data.check.canPublish}>
              {t('values.publish.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Dialog>
  );
}
