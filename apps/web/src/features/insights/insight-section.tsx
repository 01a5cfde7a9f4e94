import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame of every chart and heatmap: a titled section whose tools (left out of print) end in
 * the CSV download, an optional intro, then the content.
 */
export function InsightSection({
  title,
  intro,
  tools,
  onDownloadCsv,
  className,
  children,
}: {
  title: string;
  intro?: ReactNode;
  /** Buttons or selects before the CSV download. */
  tools?: ReactNode;
  onDownloadCsv: () => void;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} className={className}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          <Group gap="xs" className="no-print">
            {tools}
            <Button size="xs" variant="default" onClick={onDownloadCsv}>
              {t('insights.downloadCsv')}
            </Button>
          </Group>
        </Group>
        {intro && (
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
