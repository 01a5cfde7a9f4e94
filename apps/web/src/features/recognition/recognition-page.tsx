import { Paper, Stack, Text } from '@mantine/core';
import type { Locale } from '@wk/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PublicFrame } from '../../components/public-frame';
import { Loading } from '../../components/states';
import { useRecognitionForm, useSubmitRecognition, type RecognitionLink } from './recognition-api';
import { ProblemView, ThanksView } from './recognition-frame';
import { chooseLocale, isFinal, linkProblemOf } from './recognition-model';
import { RecognitionQuestions } from './recognition-questions';

/**
 * The customer's answer page, without an account: `/r/:token` from a mailed link, `/q/:code`
 * from the open link or QR code. The language comes from `?lang=`, else the browser.
 */
export function RecognitionPage({ kind }: { kind: RecognitionLink['kind'] }) {
  const { t, i18n } = useTranslation();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const link: RecognitionLink = { kind, id: (kind === 'token' ? params['token'] : params['code']) ?? '' };
  const locale = chooseLocale(
    search.get('lang'),
    typeof navigator === 'undefined' ? null : navigator.language,
  );
  const form = useRecognitionForm(link, locale);
  const submit = useSubmitRecognition(link);
  const [done, setDone] = useState(false);

  // The link decides the language of this page only; a signed-in user's own choice is not touched.
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [i18n, locale]);
  const onLanguage = (next: Locale) =>
    setSearch(
      (old) => {
        const params = new URLSearchParams(old);
        params.set('lang', next);
        return params;
      },
      { replace: true },
    );

  const organisation = form.data?.organisationName;
  if (done) return <ThanksView organisation={organisation} onLanguage={onLanguage} />;
  const submitProblem = submit.isError ? linkProblemOf(submit.error) : null;
  if (submitProblem && isFinal(submitProblem))
    return (
      <ProblemView problem={submitProblem} organisation={organisation} onLanguage={onLanguage} focusHeading />
    );
  if (form.isPending)
    return (
      <PublicFrame title={t('recognition.title')} onLanguage={onLanguage}>
        <Loading />
      </PublicFrame>
    );
  if (form.isError)
    return (
      <ProblemView
        problem={linkProblemOf(form.error)}
        onLanguage={onLanguage}
        onRetry={() => void form.refetch()}
      />
    );

  const data = form.data;
  return (
    <PublicFrame title={data.title || data.organisationName} brand={organisation} onLanguage={onLanguage}>
      <Stack gap={4}>
        {data.intro && <Text style={{ whiteSpace: 'pre-line' }}>{data.intro}</Text>}
        {data.youSaid && (
          <Paper withBorder p="sm" radius="md" my="xs" component="section" aria-labelledby="you-said-title">
            <Text id="you-said-title" size="sm" fw={700}>
              {t('recognition.youSaid')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
              {data.youSaid}
            </Text>
          </Paper>
        )}
        <Text size="sm" c="dimmed">
          {t('recognition.anonymous')}
        </Text>
      </Stack>
      <RecognitionQuestions form={data} locale={locale} submit={submit} onDone={() => setDone(true)} />
    </PublicFrame>
  );
}
