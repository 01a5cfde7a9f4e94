import type { Permission } from '@wk/contracts';
import { roleHas } from '@wk/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, Loading } from '../../components/states';
import { Page } from '../../components/page';
import { useMe } from './session';

/** Sends visitors without a session to the sign-in page, remembering where they were going. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

/** The web hides what a role may not use; the api refuses it regardless. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me || !roleHas(me.role, permission))
    return (
      <Page title={t('common.forbidden')}>
        <ErrorState error={new Error(t('common.forbidden'))} />
      </Page>
    );
  return <>{children}</>;
}
