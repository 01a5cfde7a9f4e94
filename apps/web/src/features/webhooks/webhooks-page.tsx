import { Paper, Text, Title } from '@mantine/core';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShownOnce } from '../../components/bearer-secrets';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Page } from '../../components/page';
import { SuccessNote } from '../../components/states';
import { DeliveryLog } from './delivery-log';
import { NewEndpointForm } from './endpoint-form';
import { EndpointsSection } from './endpoints-section';
import { useDeleteEndpoint } from './webhooks-api';

/** Admin: outgoing webhooks. A secret is shown once; deliveries are signed (Standard Webhooks). */
export function WebhooksPage() {
  const { t } = useTranslation();
  const remove = useDeleteEndpoint();
  const [shown, setShown] = useState<WebhookEndpointWithSecret | null>(null);
  const [selected, setSelected] = useState<WebhookEndpoint | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const [note, setNote] = useState('');

  return (
    <Page title={t('webhooks.title')} intro={t('webhooks.intro')}>
      <NewEndpointForm onSubmit={() => setNote('')} onCreated={setShown} />
      {shown && (
        <ShownOnce
          title={t('webhooks.secretTitle', { url: shown.url })}
          warning={t('webhooks.showOnce')}
          label={t('webhooks.secret')}
          value={shown.secret}
          copyLabel={t('webhooks.copy')}
        />
      )}
      <SuccessNote>{note}</SuccessNote>
      <EndpointsSection
        setSelected={setSelected}
        setShown={setShown}
        setNote={setNote}
        onDelete={(endpoint) => {
          remove.reset();
          setDeleting(endpoint);
        }}
      />
      {selected && <DeliveryLog endpoint={selected} />}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="verify-title">
        <Title order={2} size="h4" id="verify-title" mb="xs">
          {t('webhooks.verifyTitle')}
        </Title>
        <Text size="sm">{t('webhooks.verifyText')}</Text>
      </Paper>
      {deleting && (
        <ConfirmDialog
          title={t('webhooks.deleteTitle')}
          message={t('webhooks.confirmDelete', { url: deleting.url })}
          confirmLabel={t('webhooks.delete')}
          loading={remove.isPending}
          error={remove.error ?? undefined}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                setNote(t('webhooks.deleted', { url: deleting.url }));
                if (selected?.id === deleting.id) setSelected(null);
                if (shown?.id === deleting.id) setShown(null);
                setDeleting(null);
              },
            })
          }
        />
      )}
    </Page>
  );
}
