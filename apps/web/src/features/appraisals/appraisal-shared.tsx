import { Alert, Button, Stack, Text } from '@mantine/core';
import type { AppraisalReview } from '@wk/contracts';
import { SELF_LEVEL_LABELS } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorState } from '../../components/states';

/* Pieces every part of the appraisal page uses. */

export type Lang = 'nl' | 'en';

/** A save refused because another tab saved first: say so and offer a reload instead of the raw error. */
export function MutationError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.body.code === 'stale_version')
    return (
      <Alert color="orange" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('appraisals.stale')}</Text>
          <Button size="xs" variant="white" onClick={onReload}>
            {t('appraisals.reload')}
          </Button>
        </Stack>
      </Alert>
    );
  return <ErrorState error={error} />;
}

export function levelText(review: AppraisalReview | null, behaviourId: string, lang: Lang, na: string) {
  const r = review?.ratings.find((x) => x.behaviourId === behaviourId);
  return !r ? '–' : r.level === null ? na : SELF_LEVEL_LABELS[r.level][lang];
}
