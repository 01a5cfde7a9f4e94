import { Anchor, Card, Group, List, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { SetupChecklist as Checklist } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const STEPS: { key: keyof Checklist; to: string }[] = [
  { key: 'values', to: '/values/edit' },
  { key: 'people', to: '/import' },
  { key: 'cycle', to: '/cycles' },
  { key: 'survey', to: '/surveys' },
];

/** A new organisation's first steps on the home page (from `GET /api/home`), until all four are done. */
export function SetupChecklist({ checklist }: { checklist: Checklist }) {
  const { t } = useTranslation();
  const done = STEPS.filter((s) => checklist[s.key]).length;
  if (done === STEPS.length) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="setup-checklist">
      <Stack gap="sm">
        <Title order={2} size="h3" id="setup-checklist">
          {t('platform.checklist.title')}
        </Title>
        <Text c="dimmed">{t('platform.checklist.intro')}</Text>
        <Progress
          value={(done / STEPS.length) * 100}
          aria-label={t('platform.checklist.progress', { done })}
        />
        <List spacing="xs" listStyleType="none">
          {STEPS.map((step) => {
            const finished = checklist[step.key];
            return (
              <List.Item key={step.key}>
                <Group gap="xs" wrap="nowrap">
                  <ThemeIcon size="sm" radius="xl" color={finished ? 'teal' : 'gray'} aria-hidden>
                    {finished ? '✓' : '·'}
                  </ThemeIcon>
                  <Anchor component={Link} to={step.to} td={finished ? 'line-through' : undefined}>
                    {t(`platform.checklist.${step.key}`)}
                  </Anchor>
                  <Text size="sm" c="dimmed" className="sr-only">
                    {finished ? t('platform.checklist.done') : t('platform.checklist.todo')}
                  </Text>
                </Group>
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Card>
  );
}
