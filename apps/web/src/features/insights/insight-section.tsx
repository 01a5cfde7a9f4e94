import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A titled card section of the insights pages, with an optional dimmed intro; `tools` (left out
 * of print) stand at the end of the title's row.
 */
export function TitledSection({
  title,
  intro,
  tools,
  gap,
  className,
  children,
}: {
  title: string;
  intro?: ReactNode;
  tools?: ReactNode;
  gap: 'xs' | 'sm';
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const heading = (
    <Title order={2} size="h4" id={id}>
      {title}
    </Title>
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} className={className}>
      <Stack gap={gap}>
        {tools ? (
          <Group justify="space-between" wrap="wrap" gap="xs">
            {heading}
            <Group gap="xs" className="no-print">
              {tools}
            </Group>
          </Group>
        ) : (
          heading
        )}
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
  return (
    <TitledSection
      title={title}
      intro={intro}
      gap="sm"
      className={className}
      tools={
        <>
          {tools}
          <Button size="xs" variant="default" onClick={onDownloadCsv}>
            {t('insights.downloadCsv')}
          </Button>
        </>
      }
    >
      {children}
    </TitledSection>
  );
}
