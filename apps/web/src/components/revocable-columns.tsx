import type { TFunction } from 'i18next';
import { formatDateTime } from './format';
import type { ListColumn } from './list-table';
import { StatusBadge } from './status-badge';
import { DangerButton } from './danger-button';

interface Revocable {
  name: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/**
 * Last used, status and a revoke button: the columns every list of bearer secrets shares (API keys,
 * SCIM tokens), in the shared `secrets` words; `ns` names the feature's own revokeLabel.
 */
export function revocableColumns<T extends Revocable>(
  t: TFunction,
  ns: 'apiKeys' | 'scim',
  onRevoke: (item: T) => void,
): ListColumn<T>[] {
  return [
    {
      key: 'lastUsed',
      header: t('secrets.lastUsed'),
      cell: (item) => (item.lastUsedAt ? formatDateTime(item.lastUsedAt) : t('secrets.never')),
    },
    {
      key: 'status',
      header: t('secrets.status'),
      cell: (item) =>
        item.revokedAt ? (
          <StatusBadge color="gray">
            {t('secrets.revoked')} {formatDateTime(item.revokedAt)}
          </StatusBadge>
        ) : (
          <StatusBadge color="teal">{t('secrets.active')}</StatusBadge>
        ),
    },
    {
      key: 'revoke',
      header: <span className="sr-only">{t('secrets.revoke')}</span>,
      cell: (item) =>
        !item.revokedAt && (
          <DangerButton
            aria-label={t(`${ns}.revokeLabel`, { name: item.name })}
            onClick={() => onRevoke(item)}
          >
            {t('secrets.revoke')}
          </DangerButton>
        ),
    },
  ];
}
