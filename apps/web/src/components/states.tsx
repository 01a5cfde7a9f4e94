import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { apiErrorText } from '../api/error-text';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" py="xl" gap="sm">
      <Text c="dimmed" ta="center">
        {children}
      </Text>
      {action}
    </Stack>
  );
}

/**
 * A readable message for any error in the reader's language: an api error by its code (the map in
 * i18n/nl-errors.ts); the api's own message only for a code this page does not know yet.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t('common.networkError');
      const text = apiErrorText(error.body);
      if (text) return text;
      if (error.status === 403) return t('common.forbidden');
      return error.message;
    }
    return error instanceof Error ? error.message : String(error);
  };
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    // The light variant's red title is below AA contrast on its tint: a darker red keeps it readable.
    <Alert
      color="red"
      title={t('common.errorTitle')}
      role="alert"
      variant="light"
      styles={{ title: { color: 'var(--mantine-color-red-9)' } }}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Renders loading and error states of a query, else its data through `children`. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** A polite confirmation line for screen readers and sighted users alike. */
export function SuccessNote({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <Alert color="teal" variant="light" role="status">
      {children}
    </Alert>
  );
}
