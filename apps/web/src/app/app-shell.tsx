import { Anchor, AppShell, Burger, Button, Group, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { roleHas } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../features/auth/session';
import { LanguageSwitch } from '../components/language-switch';
import { NAVIGATION } from './navigation';

/** Header with organisation, language and sign-out; navigation by role; the page in <main>. */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  if (!me) return null;

  const entries = NAVIGATION.filter((entry) => roleHas(me.role, entry.permission));
  const isActive = (to: string) =>
    to === '/' ? location.pathname === '/' : location.pathname.startsWith(to);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <Anchor href="#main" className="skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap={6}>
          <Group gap={8} wrap="nowrap" miw={0} style={{ flex: 1 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.mainNav')}
            />
            <Anchor
              component={Link}
              to="/"
              fw={700}
              c="blue.9"
              underline="never"
              fz={{ base: 'sm', xs: 'md' }}
              style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}
            >
              {t('app.name')}
            </Anchor>
            <Text c="dimmed" size="sm" visibleFrom="xs" truncate>
              {me.organisation.name}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            <LanguageSwitch />
            <Button
              variant="default"
              size="compact-sm"
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
            >
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('app.mainNav')}>
        <Stack gap={2}>
          {entries.map((entry) => (
            <NavLink
              key={entry.to}
              component={Link}
              to={entry.managerTo && me.managedTeamIds.length > 0 ? entry.managerTo : entry.to}
              label={t(entry.labelKey)}
              active={isActive(entry.to)}
              variant="filled"
              aria-current={isActive(entry.to) ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </Stack>
        <Stack gap={0} mt="auto" pt="md">
          <Text size="sm" fw={500}>
            {me.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${me.role}`)}
            <VisuallyHidden>, {me.organisation.name}</VisuallyHidden>
          </Text>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
