import { Alert, Button, Stack, Text, Textarea } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import type { RecognitionForm, SubmitRecognitionRequest } from '@wk/contracts';
import { NPS_MAX, NPS_MIN, RECOGNITION_MAX, RECOGNITION_MIN, SURVEY_LIMITS, type Locale } from '@wk/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  DONT_KNOW,
  fromRadio,
  linkProblemOf,
  questionErrors,
  scale,
  toRadio,
  toSubmitRequest,
  unansweredValues,
  type RecognitionAnswers,
} from './recognition-model';
import { ScaleRadios } from './scale-radios';

const GRADES = scale(RECOGNITION_MIN, RECOGNITION_MAX);
const NPS = scale(NPS_MIN, NPS_MAX);
const questionId = (key: string) => `question-${key}`;

/** Moves focus to the first radio (or field) of a question, so keyboard and screen-reader users land there. */
function focusQuestion(key: string) {
  const question = document.getElementById(questionId(key));
  // Tab would land on the chosen radio of a group, so focus that one when there is one.
  const target =
    question?.querySelector<HTMLElement>('input:checked') ??
    question?.querySelector<HTMLElement>('input, textarea');
  target?.focus();
  question?.scrollIntoView({ block: 'center' });
}

/** All questions on one screen: a grade (or "weet ik niet") per value, then the optional extras. */
export function RecognitionQuestions({
  form,
  locale,
  submit,
  onDone,
}: {
  form: RecognitionForm;
  locale: Locale;
  submit: UseMutationResult<void, Error, SubmitRecognitionRequest>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<RecognitionAnswers>({
    grades: {},
    overallGrade: null,
    nps: null,
    comment: '',
  });
  /** Values left open at the last attempt to send; cleared per value as it is answered. */
  const [missing, setMissing] = useState<string[]>([]);
  const apiErrors =
    submit.error instanceof ApiError && submit.error.status === 400
      ? questionErrors(submit.error.fieldErrors(), form)
      : {};
  const errorFor = (key: string) => (missing.includes(key) ? t('recognition.required') : apiErrors[key]);
  const problem =
    submit.isError && !(submit.error instanceof ApiError && submit.error.status === 400)
      ? linkProblemOf(submit.error)
      : null;
  const hasErrors = missing.length > 0 || Object.keys(apiErrors).length > 0;

  // After the api refused some answers, go to the first question it named.
  useEffect(() => {
    if (!(submit.error instanceof ApiError) || submit.error.status !== 400) return;
    const errors = questionErrors(submit.error.fieldErrors(), form);
    const first = [...form.values.map((v) => v.id), 'overallGrade', 'nps', 'comment'].find(
      (k) => k in errors,
    );
    if (first) focusQuestion(first);
  }, [submit.error, form]);

  const grade = (valueId: string, radio: string) => {
    setAnswers((old) => ({ ...old, grades: { ...old.grades, [valueId]: fromRadio(radio) } }));
    setMissing((old) => old.filter((id) => id !== valueId));
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    const open = unansweredValues(form, answers.grades);
    setMissing(open);
    if (open.length > 0) return focusQuestion(open[0]);
    submit.mutate(toSubmitRequest(form, answers, locale), { onSuccess: onDone });
  };
  const optional = (question: string) => `${question} ${t('recognition.optional')}`;

  return (
    <form onSubmit={send} noValidate>
      <Stack gap="xl">
        <Text size="sm" c="dimmed">
          {t('recognition.gradeHint')}
        </Text>
        {form.values.map((value) => (
          <ScaleRadios
            key={value.id}
            id={questionId(value.id)}
            name={`grade-${value.id}`}
            legend={value.question}
            hint={value.description || undefined}
            options={[
              ...GRADES.map((g) => ({ value: g, label: g })),
              { value: DONT_KNOW, label: t('recognition.dontKnow'), wide: true },
            ]}
            value={toRadio(answers.grades[value.id])}
            onChange={(radio) => grade(value.id, radio)}
            error={errorFor(value.id)}
          />
        ))}
        {form.askOverallGrade && (
          <ScaleRadios
            id={questionId('overallGrade')}
            name="overall-grade"
            legend={optional(t('recognition.overallGrade'))}
            options={GRADES.map((g) => ({ value: g, label: g }))}
            value={toRadio(answers.overallGrade ?? undefined)}
            onChange={(radio) => setAnswers((old) => ({ ...old, overallGrade: fromRadio(radio) }))}
            error={errorFor('overallGrade')}
          />
        )}
        {form.askNps && (
          <ScaleRadios
            id={questionId('nps')}
            name="nps"
            legend={optional(t('recognition.nps'))}
            options={NPS.map((g) => ({ value: g, label: g }))}
            narrowColumns={6}
            ends={[t('recognition.npsLow'), t('recognition.npsHigh')]}
            value={toRadio(answers.nps ?? undefined)}
            onChange={(radio) => setAnswers((old) => ({ ...old, nps: fromRadio(radio) }))}
            error={errorFor('nps')}
          />
        )}
        {form.askComment && (
          <div id={questionId('comment')}>
            <Textarea
              label={optional(t('recognition.comment'))}
              description={t('recognition.commentHint', { max: SURVEY_LIMITS.commentLength })}
              autosize
              minRows={3}
              maxLength={SURVEY_LIMITS.commentLength}
              size="md"
              styles={{ label: { fontWeight: 600 } }}
              value={answers.comment}
              onChange={(e) => {
                const comment = e.currentTarget.value;
                setAnswers((old) => ({ ...old, comment }));
              }}
              error={errorFor('comment')}
            />
          </div>
        )}
        <Stack gap="sm">
          <div aria-live="polite">
            {hasErrors && (
              <Alert color="red" variant="light">
                <Text size="sm" fw={600}>
                  {t('recognition.fixErrors')}
                </Text>
                {apiErrors['form'] && <Text size="sm">{apiErrors['form']}</Text>}
              </Alert>
            )}
            {problem && (
              <Alert color="red" variant="light">
                {problem === 'too_many' ? t('recognition.tooManyBody') : t('recognition.submitError')}
              </Alert>
            )}
          </div>
          <Button type="submit" size="lg" fullWidth loading={submit.isPending}>
            {t('recognition.submit')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
