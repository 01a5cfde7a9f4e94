import { Badge, Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/* Building blocks of the home cards. */

export const HOME_LIST_ITEMS = 5;

/** A card with a heading that names it for screen readers. */
export function Section({
  id,
  title,
  children,
  link,
}: {
  id: string;
  title: string;
  children: ReactNode;
  link?: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
        {link}
      </Stack>
    </Card>
  );
}

export function Dimmed({ children }: { children: ReactNode }) {
  return <Text c="dimmed">{children}</Text>;
}

export function Overdue() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled" size="sm">
      {t('home.overdue')}
    </Badge>
  );
}
