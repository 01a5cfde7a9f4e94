import { Group, Paper, Stack, Text, Title, type MantineSpacing } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/**
 * A titled card section (its h2 names it for screen readers) with an optional dimmed intro;
 * `tools` (left out of print) stand at the end of the title's row.
 */
export function TitledSection({
  title,
  intro,
  tools,
  gap = 'sm',
  className,
  children,
}: {
  title: string;
  intro?: ReactNode;
  tools?: ReactNode;
  gap?: MantineSpacing;
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
