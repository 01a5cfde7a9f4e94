import { Alert, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Locale } from '@wk/domain';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/language-switch';
import type { LinkProblem } from './recognition-model';

/**
 * The page around the questions: organisation and language on top, one h1, a phone-wide card.
 * `focusHeading` moves focus to the h1 when the view replaces the form (thanks, a link problem),
 * so screen readers announce what happened.
 */
export function RecognitionFrame({
  title,
  organisation,
  onLanguage,
  focusHeading = false,
  children,
}: {
  title: string;
  organisation?: string;
  onLanguage: (locale: Locale) => void;
  focusHeading?: boolean;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = organisation ? `${title} · ${organisation}` : title;
  }, [title, organisation]);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading, title]);
  return (
    <Box mih="100vh" bg="gray.0" px={{ base: 'xs', sm: 'md' }} py="md">
      <Group component="header" justify="space-between" maw={680} mx="auto" mb="sm" wrap="nowrap" gap="sm">
        <Text fw={700} c="blue.9" truncate>
          {organisation ?? ''}
        </Text>
        <LanguageSwitch onChoose={onLanguage} />
      </Group>
      <Paper component="main" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" maw={680} mx="auto">
        <Stack gap="md">
          <Title order={1} size="h2" ref={heading} tabIndex={-1} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Box>
  );
}

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
    <RecognitionFrame
      title={t(TITLES[problem])}
      organisation={organisation}
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
    </RecognitionFrame>
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
    <RecognitionFrame
      title={t('recognition.thanksTitle')}
      organisation={organisation}
      onLanguage={onLanguage}
      focusHeading
    >
      <Alert color="teal" variant="light" role="status">
        {t('recognition.thanksBody')}
      </Alert>
    </RecognitionFrame>
  );
}
