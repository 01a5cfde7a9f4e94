import { Anchor, Box, Center, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';

/** The frame of the pages one sees before signing in: a card in the middle, language switch on top. */
export function AuthLayout({
  title,
  children,
  wide = false,
}: {
  title: string;
  children: ReactNode;
  /** Room for a table (the operator's organisations) instead of a narrow form. */
  wide?: boolean;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Box mih="100vh" bg="gray.0" p="md">
      <Group justify="flex-end">
        <LanguageSwitch />
      </Group>
      <Center mt="xl">
        <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w="100%" maw={wide ? 1100 : 420}>
          <Stack gap="md">
            <Anchor component={Link} to="/" fw={700} c="blue.9" underline="never">
              {t('app.name')}
            </Anchor>
            <Title order={1} size="h2">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
