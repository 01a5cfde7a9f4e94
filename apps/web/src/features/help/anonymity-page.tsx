import { List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Organisation } from '@wk/contracts';
import { effectiveMinimum } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Page } from '../../components/page';
import { useCan } from '../auth/session';

/** The rules a works council asks about, in plain words, with the organisation's own minimum. */
export function AnonymityHelpPage() {
  const { t } = useTranslation();
  const can = useCan();
  // Only HR and admins read the settings; everyone else sees the default minimum in the text.
  const organisation = useQuery({
    queryKey: ['organisation'],
    queryFn: () => api<Organisation>('/organisation'),
    enabled: can('organisation.read'),
  });
  const minimum = effectiveMinimum(organisation.data?.anonymityMinimum);
  const list = (key: 'employees' | 'customers') =>
    (t(`help.anonymity.${key}`, { returnObjects: true, minimum }) as string[]).map((item) => (
      <List.Item key={item}>{item}</List.Item>
    ));
  return (
    <Page title={t('help.anonymity.title')} intro={t('help.anonymity.intro')}>
      <Stack gap="lg" maw={760}>
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('help.anonymity.employeesTitle')}
          </Title>
          <List spacing="xs">{list('employees')}</List>
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('help.anonymity.customersTitle')}
          </Title>
          <List spacing="xs">{list('customers')}</List>
        </Stack>
        {organisation.data && <Text c="dimmed">{t('help.anonymity.settings', { minimum })}</Text>}
      </Stack>
    </Page>
  );
}
