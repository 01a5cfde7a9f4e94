import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Locale } from '@wk/domain';
import { useEffect, useRef, type ReactNode } from 'react';
import { LanguageSwitch } from './language-switch';

/**
 * The page around a public form (the customer's questions, the self-assessment): who asks
 * (`brand`) and the language on top, one h1, a phone-wide card.
 * `focusHeading` moves focus to the h1 when the view replaces the form (thanks, a link problem),
 * so screen readers announce what happened.
 */
export function PublicFrame({
  title,
  brand,
  onLanguage,
  focusHeading = false,
  children,
}: {
  title: string;
  brand?: string;
  /** Where the language is kept other than in the session (the answer page's `?lang=`). */
  onLanguage?: (locale: Locale) => void;
  focusHeading?: boolean;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = brand ? `${title} · ${brand}` : title;
  }, [title, brand]);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading, title]);
  return (
    <Box mih="100vh" bg="gray.0" px={{ base: 'xs', sm: 'md' }} py="md">
      <Group component="header" justify="space-between" maw={680} mx="auto" mb="sm" wrap="nowrap" gap="sm">
        <Text fw={700} c="blue.9" truncate>
          {brand ?? ''}
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
