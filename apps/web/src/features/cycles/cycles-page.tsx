import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { useCan } from '../auth/session';
import { CycleCard } from './cycle-card';
import { CycleForm } from './cycle-form';
import { useCycles } from './cycles-api';

export function CyclesPage() {
  const { t } = useTranslation();
  const cycles = useCycles();
  const writable = useCan()('cycles.write');
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('cycles.title')}
      intro={t('cycles.intro')}
      actions={writable ? <Button onClick={() => setCreating(true)}>{t('cycles.new')}</Button> : undefined}
    >
      <QueryState query={cycles}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('cycles.empty')}</EmptyState>
          ) : (
            <Stack gap="md">
              {list.map((c) => (
                <CycleCard key={c.id} cycle={c} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {creating && <CycleForm onDone={() => setCreating(false)} />}
    </Page>
  );
}
