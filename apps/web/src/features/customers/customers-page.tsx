import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { SuccessNote } from '../../components/states';
import { useCan } from '../auth/session';
import { JourneysSection } from './journeys-section';
import { SegmentsSection } from './segments-section';

/** "Klantcontext": customer profiles with personas, and journeys with their touchpoints. */
export function CustomersPage() {
  const { t } = useTranslation();
  const writable = useCan()('customers.write');
  const [note, setNote] = useState('');
  return (
    <Page title={t('customers.title')} intro={t('customers.intro')}>
      {!writable && <Text size="sm">{t('customers.readOnly')}</Text>}
      <SuccessNote>{note}</SuccessNote>
      <Stack gap="xl">
        <SegmentsSection writable={writable} onNote={setNote} />
        <JourneysSection writable={writable} onNote={setNote} />
      </Stack>
    </Page>
  );
}
