import { Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Appraisal } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatDateTime } from '../../components/format';
import { Page } from '../../components/page';
import { QueryState } from '../../components/states';
import { useAppraisal } from './appraisals-api';
import { ContextPanel } from './context-panel';
import { Conversation, HrActions, Signing } from './conversation';
import { ReviewForm, ReviewView } from './review-form';
import { ShareRounds, SharedAnswers } from './shared-answers';

function AppraisalBody({ a, onReload }: { a: Appraisal; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const author = a.viewerRole === 'employee' ? 'self' : a.viewerRole === 'reviewer' ? 'manager' : null;
  const own = author === 'self' ? a.selfSubmitted : author === 'manager' ? a.managerSubmitted : true;
  const frozen = a.stage === 'signed' || a.stage === 'closed';
  const other = author === 'self' ? a.managerReview : author === 'manager' ? a.selfReview : null;
  return (
    <Stack gap="lg">
      <Group gap="xs" wrap="wrap">
        <StatusBadge color="blue">{t(`appraisals.stage.${a.stage}`)}</StatusBadge>
        <Text size="sm">
          {t('appraisals.employee')}: {a.employeeName} · {t('appraisals.reviewer')}:{' '}
          {a.reviewerName ?? t('appraisals.noReviewer')}
          {a.dueDate ? ` · ${t('appraisals.due')}: ${formatDate(a.dueDate)}` : ''}
        </Text>
      </Group>
      {frozen && (
        <Anchor href={`/api/appraisals/${a.id}/pdf?locale=${i18n.language === 'en' ? 'en' : 'nl'}`} download>
          {t('appraisals.pdf')}
        </Anchor>
      )}
      {author && !own && !frozen && (
        <section aria-labelledby="review-title">
          <Title order={2} size="h4" id="review-title" mb="sm">
            {t('appraisals.yourReview')}
          </Title>
          {/* Remounted on a new version so a reload starts from what the server has. */}
          <ReviewForm key={a.version} a={a} author={author} onReload={onReload} />
        </section>
      )}
      {author === 'self' && a.selfSubmitted && a.selfReview && (
        <ReviewView a={a} review={a.selfReview} title={t('appraisals.selfReview')} />
      )}
      {author === 'manager' && a.managerSubmitted && a.managerReview && (
        <ReviewView a={a} review={a.managerReview} title={t('appraisals.managerReview')} />
      )}
      {author === null && a.selfReview && (
        <ReviewView a={a} review={a.selfReview} title={t('appraisals.selfReview')} />
      )}
      {author === null && a.managerReview && (
        <ReviewView a={a} review={a.managerReview} title={t('appraisals.managerReview')} />
      )}
      {author && other && (
        <ReviewView
          a={a}
          review={other}
          title={author === 'self' ? t('appraisals.managerReview') : t('appraisals.selfReview')}
        />
      )}
      {author && !other && (
        <Alert variant="light" color="gray">
          {author === 'self' ? t('appraisals.blindManager') : t('appraisals.blindSelf')}
        </Alert>
      )}
      {a.viewerRole === 'employee' && <ShareRounds a={a} onReload={onReload} />}
      {a.viewerRole === 'reviewer' && <SharedAnswers a={a} />}
      {a.viewerRole === 'hr' && <HrActions a={a} />}
      <ContextPanel a={a} />
      <Conversation key={`conv-${a.version}`} a={a} onReload={onReload} />
      {(a.stage === 'conversation' || frozen) && <Signing a={a} />}
      {a.events.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('appraisals.events')}
          </Title>
          {a.events.map((e, i) => (
            <Text size="sm" key={i}>
              {formatDateTime(e.at)} · {t(`appraisals.event.${e.kind}`)} · {e.actorName ?? '–'}
              {e.reason ? `: ${e.reason}` : ''}
            </Text>
          ))}
        </Paper>
      )}
    </Stack>
  );
}

/** One appraisal: the review, consent, the conversation and the signatures, as the caller may see it. */
export function AppraisalPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const query = useAppraisal(id, i18n.language === 'en' ? 'en' : 'nl');
  return (
    <Page title={query.data ? `${query.data.cycleName} · ${query.data.employeeName}` : t('appraisals.title')}>
      <QueryState query={query}>
        {(a) => <AppraisalBody a={a} onReload={() => void query.refetch()} />}
      </QueryState>
    </Page>
  );
}
