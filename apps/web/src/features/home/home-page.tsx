import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import type { Permission } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { useCan, useMe } from '../auth/session';
import { SetupChecklist } from '../setup/setup-checklist';

const SHORTCUTS: { to: string; key: string; permission: Permission }[] = [
  { to: '/people', key: 'home.people', permission: 'people.read' },
  { to: '/import', key: 'home.import', permission: 'import.run' },
  { to: '/organisation', key: 'home.organisation', permission: 'organisation.read' },
  { to: '/outbox', key: 'home.outbox', permission: 'outbox.read' },
];

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const can = useCan();
  if (!me) return null;
  const shortcuts = SHORTCUTS.filter((s) => can(s.permission));
  return (
    <Page
      title={t('home.title', { name: me.name })}
      intro={t('home.intro', {
        organisation: me.organisation.name,
        role: t(`roles.${me.role}`).toLowerCase(),
      })}
    >
      {can('setup.checklist') && <SetupChecklist />}
      {shortcuts.length === 0 ? (
        <Text>{t('home.employee')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {shortcuts.map((s) => (
            <Card key={s.to} withBorder padding="lg">
              <Anchor component={Link} to={s.to} fw={600}>
                {t(s.key)}
              </Anchor>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Page>
  );
}
