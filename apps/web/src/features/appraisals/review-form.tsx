import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Appraisal, AppraisalReview } from '@wk/contracts';
import { SELF_LEVEL_LABELS, SELF_LEVELS } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { SuccessNote } from '../../components/states';
import { fromRadio, toRadio } from '../self-assessment/form-progress';
import { useSaveReview } from './appraisals-api';

import { Lang, MutationError, levelText } from './appraisal-shared';

/* The review on the four levels per behaviour: the form (self or manager) and the read-only view. */

type Level = 1 | 2 | 3 | 4 | null;
const byId = <T,>(entries: [string, T][]): Record<string, T> => Object.fromEntries(entries);

/** The review form of the employee (self) or the reviewer (manager): one block per value. */
export function ReviewForm({
  a,
  author,
  onReload,
}: {
  a: Appraisal;
  author: 'self' | 'manager';
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const own = author === 'self' ? a.selfReview : a.managerReview;
  // Per behaviour its level (null: not applicable), per value a comment, per own question an answer.
  const form = useForm({
    initialValues: {
      ratings: byId<Level>((own?.ratings ?? []).map((r) => [r.behaviourId, r.level])),
      comments: byId((own?.comments ?? []).map((c) => [c.valueId, c.text])),
      answers: byId((own?.answers ?? []).map((c) => [c.questionId, c.text])),
    },
  });
  const { ratings, comments, answers } = form.values;
  const save = useSaveReview(a.id, author);
  const total = a.values.reduce((n, v) => n + v.behaviours.length, 0);
  const done = Object.keys(ratings).length;
  const send = (submit: boolean) =>
    save.mutate({
      version: a.version,
      submit,
      ratings: Object.entries(ratings).map(([behaviourId, level]) => ({ behaviourId, level })),
      comments: Object.entries(comments).map(([valueId, text]) => ({ valueId, text })),
      answers: Object.entries(answers).map(([questionId, text]) => ({ questionId, text })),
    });
  return (
    <Stack gap="lg">
      <Text size="sm" fw={600} role="status" aria-live="polite">
        {t('appraisals.progress', { done, total })}
      </Text>
      {a.values.map((value) => (
        <Paper key={value.id} withBorder p="md">
          <Stack gap="md">
            <div>
              <Title order={3} size="h5">
                {value.name}
              </Title>
              {value.description && (
                <Text size="sm" c="dimmed">
                  {value.description}
                </Text>
              )}
            </div>
            {value.behaviours.map((b) => (
              <Radio.Group
                key={b.id}
                label={b.text}
                value={toRadio(ratings[b.id])}
                onChange={(v) => form.setFieldValue(`ratings.${b.id}`, fromRadio(v))}
              >
                <Stack gap={8} mt={8}>
                  {SELF_LEVELS.map((level) => (
                    <Radio
                      key={level}
                      value={String(level)}
                      label={SELF_LEVEL_LABELS[level][lang]}
                      size="md"
                    />
                  ))}
                  <Radio value="na" label={t('appraisals.notApplicable')} size="md" />
                </Stack>
              </Radio.Group>
            ))}
            <Textarea
              label={t('appraisals.comment', { value: value.name })}
              autosize
              minRows={2}
              maxLength={2000}
              value={comments[value.id] ?? ''}
              onChange={(e) => form.setFieldValue(`comments.${value.id}`, e.currentTarget.value)}
            />
          </Stack>
        </Paper>
      ))}
      {a.questions.length > 0 && (
        <Paper withBorder p="md">
          <Stack gap="md">
            <Title order={3} size="h5">
              {t('appraisals.questions')}
            </Title>
            {a.questions.map((q) => (
              <Textarea
                key={q.id}
                label={q.text}
                autosize
                minRows={2}
                maxLength={4000}
                value={answers[q.id] ?? ''}
                onChange={(e) => form.setFieldValue(`answers.${q.id}`, e.currentTarget.value)}
              />
            ))}
          </Stack>
        </Paper>
      )}
      {save.isError && <MutationError error={save.error} onReload={onReload} />}
      {save.isSuccess && <SuccessNote>{t('appraisals.saved')}</SuccessNote>}
      <Text size="sm" c="dimmed">
        {t('appraisals.submitHint')}
      </Text>
      <Group>
        <Button variant="default" size="md" onClick={() => send(false)} loading={save.isPending}>
          {t('appraisals.save')}
        </Button>
        <Button size="md" onClick={() => send(true)} loading={save.isPending} disabled={done < total}>
          {t('appraisals.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A submitted (or visible) review, read-only. */
export function ReviewView({ a, review, title }: { a: Appraisal; review: AppraisalReview; title: string }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {a.values.map((value) => (
          <div key={value.id}>
            <Text fw={600} size="sm">
              {value.name}
            </Text>
            {value.behaviours.map((b) => (
              <Text size="sm" key={b.id}>
                {b.text}: <strong>{levelText(review, b.id, lang, t('appraisals.notApplicable'))}</strong>
              </Text>
            ))}
            {review.comments
              .filter((c) => c.valueId === value.id)
              .map((c) => (
                <Text size="sm" c="dimmed" key={c.valueId}>
                  {c.text}
                </Text>
              ))}
          </div>
        ))}
        {a.questions.map((q) => {
          const answer = review.answers.find((x) => x.questionId === q.id)?.text;
          return answer ? (
            <Text size="sm" key={q.id}>
              <strong>{q.text}</strong> {answer}
            </Text>
          ) : null;
        })}
      </Stack>
    </Paper>
  );
}
