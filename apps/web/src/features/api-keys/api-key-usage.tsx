import { Code, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TitledSection } from '../../components/titled-section';

export const INVITATIONS_PATH = '/api/v1/survey-invitations';

/** How a CRM uses a key: the endpoint, the bearer header and the idempotency key. */
export function ApiKeyUsage() {
  const { t } = useTranslation();
  const example = [
    `POST ${INVITATIONS_PATH}`,
    `Authorization: Bearer <${t('apiKeys.keyPlaceholder')}>`,
    `Idempotency-Key: <${t('apiKeys.idempotencyPlaceholder')}>`,
    'Content-Type: application/json',
    '',
    JSON.stringify({ surveyId: '…', email: 'klant@example.nl', locale: 'nl' }, null, 2),
  ].join('\n');
  return (
    <TitledSection title={t('apiKeys.howTitle')}>
      <List size="sm" spacing={4}>
        <List.Item>{t('apiKeys.how1', { path: INVITATIONS_PATH })}</List.Item>
        <List.Item>{t('apiKeys.how2')}</List.Item>
        <List.Item>{t('apiKeys.how3')}</List.Item>
      </List>
      <Text size="sm" fw={600} id="api-example-title">
        {t('apiKeys.example')}
      </Text>
      <Code block aria-labelledby="api-example-title" style={{ overflowX: 'auto' }}>
        {example}
      </Code>
    </TitledSection>
  );
}
