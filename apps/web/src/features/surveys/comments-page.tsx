import {
  Alert,
  Anchor,
  Blockquote,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ReadableComment } from '@wk/contracts';
import { localized } from '@wk/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../components/format';
import { Page } from '../../components/page';
import { ErrorState, Loading } from '../../components/states';
import { useJourneys } from '../customers/customers-api';
import { periodLabel } from '../insights/period-model';
import { useCurrentValues } from '../values/values-api';
import { commentsQuery, periodChoices, withFilter, type CommentFilter } from './comments-model';
import { useCommentPages, useSurveys } from './surveys-api';

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** One comment with its day, survey (a link to its results) and, where known, journey and touchpoint. */
export function CommentItem({ comment }: { comment: ReadableComment }) {
  const { i18n } = useTranslation();
  const context = [
    comment.journey && localized(comment.journey.name, comment.journey.nameEn, i18n.language),
    comment.touchpoint && localized(comment.touchpoint.name, comment.touchpoint.nameEn, i18n.language),
  ].filter(Boolean);
  return (
    <li>
      <Blockquote color="blue.8" p="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
          {comment.text}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {formatDate(comment.submittedAt)} ·{' '}
          <Anchor component={Link} to={`/surveys/${comment.survey.id}`} size="xs">
            {comment.survey.name}
          </Anchor>
          {context.length > 0 && ` · ${context.join(' › ')}`}
        </Text>
      </Blockquote>
    </li>
  );
}

/**
 * "Opmerkingen van klanten": every readable comment, newest first and a page at a time, searched
 * and filtered by survey, journey, touchpoint, value and period. The filters live in the address.
 */
export function CommentsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  const set = (name: CommentFilter, value: string | null) =>
    setParams(withFilter(params, name, value), { replace: true });
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced.trim())
      setParams(withFilter(params, 'q', debounced.trim()), { replace: true });
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps

  const query = commentsQuery(params);
  const pages = useCommentPages(query);
  const surveys = useSurveys().data ?? [];
  const journeys = useJourneys().data ?? [];
  const values = useCurrentValues().data?.values ?? [];
  const name = (x: { name: string; nameEn: string | null }) => localized(x.name, x.nameEn, lang);
  const journey = journeys.find((j) => j.id === query.journeyId);
  const touchpoints: { id: string; label: string }[] = journey
    ? journey.touchpoints.map((tp) => ({ id: tp.id, label: `${tp.position + 1}. ${name(tp)}` }))
    : journeys.flatMap((j) => j.touchpoints.map((tp) => ({ id: tp.id, label: `${name(j)} › ${name(tp)}` })));
  const survey = surveys.find((s) => s.id === query.surveyId);
  const first = pages.data?.pages[0];
  const comments = pages.data?.pages.flatMap((p) => p.comments) ?? [];
  const common = { clearable: true, searchable: true, placeholder: t('surveys.reading.all') };

  return (
    <Page
      title={t('surveys.reading.title')}
      intro={first ? t('surveys.reading.intro', { minimum: first.minimum }) : t('surveys.reading.introShort')}
      actions={
        survey && (
          <Button component={Link} to={`/surveys/${survey.id}`} variant="default">
            {t('surveys.reading.results', { survey: survey.name })}
          </Button>
        )
      }
    >
      <Paper withBorder p="md" radius="md" component="section" aria-label={t('surveys.reading.filters')}>
        <Stack gap="sm">
          <TextInput
            type="search"
            label={t('surveys.reading.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maxLength={200}
          />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
            <Select
              {...common}
              label={t('surveys.reading.survey')}
              data={surveys.map((s) => ({ value: s.id, label: s.name }))}
              value={query.surveyId ?? null}
              onChange={(v) => set('survey', v)}
            />
            <Select
              {...common}
              label={t('surveys.reading.journey')}
              data={journeys.map((j) => ({ value: j.id, label: name(j) }))}
              value={query.journeyId ?? null}
              onChange={(v) => set('journey', v)}
            />
            <Select
              {...common}
              label={t('surveys.reading.touchpoint')}
              data={touchpoints.map((tp) => ({ value: tp.id, label: tp.label }))}
              value={query.touchpointId ?? null}
              onChange={(v) => set('touchpoint', v)}
            />
            <Select
              {...common}
              label={t('surveys.reading.value')}
              description={t('surveys.reading.valueHint')}
              data={values.map((v) => ({ value: v.key, label: localized(v.nameNl, v.nameEn, lang) }))}
              value={query.valueKey ?? null}
              onChange={(v) => set('value', v)}
            />
            <Select
              {...common}
              label={t('surveys.reading.period')}
              data={periodChoices(thisMonth()).map(({ kind, keys }) => ({
                group: t(kind === 'quarter' ? 'surveys.reading.quarters' : 'surveys.reading.months'),
                items: keys.map((key) => ({ value: `${kind}:${key}`, label: periodLabel(key, lang) })),
              }))}
              value={query.period && query.at ? `${query.period}:${query.at}` : null}
              onChange={(v) => set('period', v)}
            />
          </SimpleGrid>
          {[...params.keys()].length > 0 && (
            <Group>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => {
                  setSearch('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                {t('surveys.reading.clear')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="comment-list-title">
        <Stack gap="sm">
          <Text id="comment-list-title" fw={600} aria-live="polite">
            {first ? t('surveys.reading.total', { count: first.total }) : t('surveys.reading.list')}
          </Text>
          {first?.withheld && (
            <Alert color="gray" variant="light">
              {t('surveys.reading.withheld', { minimum: first.minimum })}
            </Alert>
          )}
          {pages.isPending ? (
            <Loading />
          ) : pages.isError && !pages.data ? (
            <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
          ) : comments.length === 0 ? (
            <Text size="sm">{t('surveys.reading.empty')}</Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {comments.map((c, i) => (
                <CommentItem key={`${c.submittedAt}-${i}`} comment={c} />
              ))}
            </Stack>
          )}
          {pages.isFetchNextPageError && (
            <ErrorState error={pages.error} onRetry={() => void pages.fetchNextPage()} />
          )}
          {pages.hasNextPage && (
            <Group>
              <Button
                variant="default"
                loading={pages.isFetchingNextPage}
                onClick={() => void pages.fetchNextPage()}
              >
                {t('surveys.reading.more')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </Page>
  );
}
