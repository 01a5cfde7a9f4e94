import { Alert, Button, Group, Progress, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SaveAnswersRequest, SelfAssessmentForm } from '@wk/contracts';
import { localized, SELF_LEVEL_LABELS, SELF_LEVELS } from '@wk/domain';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { PublicFrame } from '../../components/public-frame';
import { formatDateTime } from '../../components/format';
import { ErrorState, Loading, useErrorMessage } from '../../components/states';
import { firstOpenStep, fromRadio, progressOf, toRadio } from './form-progress';
import { LevelLegend } from './level-legend';

const formKey = (token: string) => ['self-assessment', token];

function useForm(token: string) {
  return useQuery({
    queryKey: formKey(token),
    queryFn: ({ signal }) =>
      api<SelfAssessmentForm>(`/self-assessments/${encodeURIComponent(token)}`, { signal }),
  });
}

/** The self-assessment is a public form like the customer's: the same frame, under the app's name. */
function Frame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <PublicFrame title={title} brand={t('app.name')}>
      {children}
    </PublicFrame>
  );
}

function Form({ token, form }: { token: string; form: SelfAssessmentForm }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const client = useQueryClient();
  // Local answers change at once (a controlled radio must not wait for the network); saving follows.
  const [answers, setAnswers] = useState(form.answers);
  const [examples, setExamples] = useState(form.examples);
  const [step, setStep] = useState(() => firstOpenStep(form));
  const [done, setDone] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const save = useMutation({
    mutationFn: (body: SaveAnswersRequest) =>
      api<SelfAssessmentForm>(`/self-assessments/${encodeURIComponent(token)}/answers`, {
        method: 'PUT',
        body: { ...body },
      }),
    onSuccess: (updated) => client.setQueryData(formKey(token), updated),
  });
  const choose = (behaviourId: string, level: 1 | 2 | 3 | 4 | null) => {
    setAnswers((old) => ({ ...old, [behaviourId]: level }));
    save.mutate({ answers: [{ behaviourId, level }] });
  };
  /** The example is saved when the field is left, and only when it changed. */
  const saveExample = (valueId: string) => {
    const text = (examples[valueId] ?? '').trim();
    if (text !== (form.examples[valueId] ?? '')) save.mutate({ answers: [], examples: [{ valueId, text }] });
  };
  const submit = useMutation({
    mutationFn: () =>
      api<SelfAssessmentForm>(`/self-assessments/${encodeURIComponent(token)}/submit`, { method: 'POST' }),
    onSuccess: (updated) => {
      client.setQueryData(formKey(token), updated);
      setDone(true);
    },
  });
  // Move focus to the new step's heading so screen readers announce it.
  useEffect(() => heading.current?.focus(), [step]);

  const progress = progressOf({ values: form.values, answers });
  const value = form.values[step];
  const name = localized(value.nameNl, value.nameEn, lang);
  const last = step === form.values.length - 1;
  const closes = formatDateTime(form.closesAt);

  if (done) {
    return (
      <Stack>
        <Alert color="teal" role="status">
          {t('selfAssessment.thanks')}
        </Alert>
        <Text>{t('selfAssessment.changeUntil', { date: closes })}</Text>
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setDone(false);
              setStep(0);
            }}
          >
            {t('selfAssessment.review')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('selfAssessment.intro', { organisation: form.organisationName, date: closes })}
      </Text>
      {form.completedAt && (
        <Alert color="teal" variant="light">
          {t('selfAssessment.alreadySubmitted', { date: closes })}
        </Alert>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('selfAssessment.progress', { done: progress.done, total: progress.total })}
        </Text>
        <Progress
          value={(progress.done / Math.max(1, progress.total)) * 100}
          aria-label={t('selfAssessment.progress', { done: progress.done, total: progress.total })}
        />
      </Stack>
      <LevelLegend />
      <section aria-labelledby="step-title">
        <Title order={2} size="h4" id="step-title" ref={heading} tabIndex={-1} mb="sm">
          {t('selfAssessment.step', { n: step + 1, total: form.values.length, name })}
        </Title>
        <Stack gap="lg">
          {value.behaviours.map((b) => (
            <Radio.Group
              key={b.id}
              label={`${t('values.behaviourPrefix')} ${localized(b.textNl, b.textEn, lang)}`}
              value={toRadio(answers[b.id])}
              onChange={(v) => choose(b.id, fromRadio(v))}
            >
              <Stack gap={8} mt={8}>
                {SELF_LEVELS.map((level) => (
                  <Radio key={level} value={String(level)} label={SELF_LEVEL_LABELS[level][lang]} size="md" />
                ))}
                <Radio value="na" label={t('values.notApplicable')} size="md" />
              </Stack>
            </Radio.Group>
          ))}
          <Textarea
            label={t('selfAssessment.example')}
            description={t('selfAssessment.exampleHint', { name })}
            autosize
            minRows={2}
            maxLength={1000}
            value={examples[value.id] ?? ''}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setExamples((old) => ({ ...old, [value.id]: text }));
            }}
            onBlur={() => saveExample(value.id)}
          />
        </Stack>
      </section>
      <Text size="sm" c={save.isError ? 'red.9' : 'dimmed'} role="status" aria-live="polite">
        {save.isPending
          ? t('selfAssessment.saving')
          : save.isError
            ? t('selfAssessment.saveFailed')
            : save.isSuccess
              ? t('selfAssessment.saved')
              : ''}
      </Text>
      {submit.isError && (
        <Alert color="red" role="alert">
          {submit.error instanceof ApiError && submit.error.body.code === 'incomplete'
            ? t('selfAssessment.incomplete')
            : errorMessage(submit.error)}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" size="md" disabled={step === 0} onClick={() => setStep(step - 1)}>
          {t('common.previous')}
        </Button>
        {last ? (
          <Button size="md" onClick={() => submit.mutate()} loading={submit.isPending}>
            {t('selfAssessment.submit')}
          </Button>
        ) : (
          <Button size="md" onClick={() => setStep(step + 1)}>
            {t('common.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The employee's few minutes: opened from the personal link in the invitation mail, no sign-in. */
export function SelfAssessmentPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const form = useForm(token);
  if (form.isPending)
    return (
      <Frame title={t('selfAssessment.title')}>
        <Loading />
      </Frame>
    );
  if (form.isError) {
    const unknown = form.error instanceof ApiError && form.error.status === 404;
    return (
      <Frame title={t('selfAssessment.title')}>
        {unknown ? (
          <Alert color="red" role="alert">
            {t('selfAssessment.unknownLink')}
          </Alert>
        ) : (
          <ErrorState error={form.error} onRetry={() => void form.refetch()} />
        )}
      </Frame>
    );
  }
  const data = form.data;
  return (
    <Frame title={data.cycleName}>
      {data.closed ? (
        <Alert color="gray" role="status">
          {t('selfAssessment.closed', { date: formatDateTime(data.closesAt) })}
        </Alert>
      ) : (
        <Form token={token} form={data} />
      )}
    </Frame>
  );
}
