import { Alert, Button, Group, Text } from '@mantine/core';
import type { Locale } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { PublicFrame } from '../../components/public-frame';
import type { LinkProblem } from './recognition-model';

const TITLES: Record<LinkProblem, string> = {
  link_not_found: 'recognition.notFoundTitle',
  already_answered: 'recognition.answeredTitle',
  link_expired: 'recognition.expiredTitle',
  too_many: 'recognition.tooManyTitle',
  response_limit: 'recognition.responseLimitTitle',
  failed: 'recognition.errorTitle',
};
const BODIES: Record<LinkProblem, string> = {
  link_not_found: 'recognition.notFoundBody',
  already_answered: 'recognition.answeredBody',
  link_expired: 'recognition.expiredBody',
  too_many: 'recognition.tooManyBody',
  response_limit: 'recognition.responseLimitBody',
  failed: 'recognition.errorBody',
};

/** A friendly page for a link that cannot be answered: no codes, no technical details. */
export function ProblemView({
  problem,
  organisation,
  onLanguage,
  onRetry,
  focusHeading,
}: {
  problem: LinkProblem;
  organisation?: string;
  onLanguage: (locale: Locale) => void;
  onRetry?: () => void;
  focusHeading?: boolean;
}) {
  const { t } = useTranslation();
  const retry = onRetry && (problem === 'too_many' || problem === 'failed');
  return (
    <PublicFrame
      title={t(TITLES[problem])}
      brand={organisation}
      onLanguage={onLanguage}
      focusHeading={focusHeading}
    >
      <Text role={problem === 'failed' || problem === 'too_many' ? 'alert' : 'status'}>
        {t(BODIES[problem])}
      </Text>
      {retry && (
        <Group>
          <Button size="md" variant="default" onClick={onRetry}>
            {t('recognition.retry')}
          </Button>
        </Group>
      )}
    </PublicFrame>
  );
}

/** After the answers are in. */
export function ThanksView({
  organisation,
  onLanguage,
}: {
  organisation?: string;
  onLanguage: (locale: Locale) => void;
}) {
  const { t } = useTranslation();
  return (
    <PublicFrame
      title={t('recognition.thanksTitle')}
      brand={organisation}
      onLanguage={onLanguage}
      focusHeading
    >
      <Alert color="teal" variant="light" role="status">
        {t('recognition.thanksBody')}
      </Alert>
    </PublicFrame>
  );
}
