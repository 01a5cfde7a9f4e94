import type { ContactPreview, ContactRow, ContactRowStatus } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { errorsFirst, LineProblems, ListTable } from '../../components/list-table';
import { StatusBadge } from '../../components/status-badge';

const STATUS_COLOURS: Record<ContactRowStatus, string> = {
  new: 'teal',
  quarantined: 'yellow',
  duplicate: 'gray',
  error: 'red',
};

/** Per line of the uploaded file: what will happen to it; lines with errors first, so they are not missed. */
export function ContactRows({ preview }: { preview: ContactPreview }) {
  const { t } = useTranslation();
  return (
    <ListTable
      label={t('surveys.contacts.rows')}
      minWidth={640}
      rows={errorsFirst(preview.rows, (row) => row.status === 'error')}
      rowKey={(row) => row.line}
      columns={[
        { key: 'line', header: t('surveys.contacts.line'), cell: (row) => row.line },
        {
          key: 'email',
          header: t('surveys.contacts.email'),
          cell: (row) => row.email,
          cellProps: { style: { wordBreak: 'break-all' } },
        },
        { key: 'segment', header: t('surveys.contacts.segment'), cell: (row) => row.segment ?? '' },
        { key: 'team', header: t('surveys.contacts.team'), cell: (row) => row.team ?? '' },
        // Only when the file has them (a CRM export): the contact's own journey and touchpoint.
        ...(preview.rows.some((row) => row.journey || row.touchpoint)
          ? [
              {
                key: 'journey',
                header: t('everyday.contactColumns.journey'),
                cell: (row: ContactRow) => row.journey ?? '',
              },
              {
                key: 'touchpoint',
                header: t('everyday.contactColumns.touchpoint'),
                cell: (row: ContactRow) => row.touchpoint ?? '',
              },
            ]
          : []),
        {
          key: 'language',
          header: t('surveys.contacts.language'),
          cell: (row) => row.locale?.toUpperCase() ?? '',
        },
        {
          key: 'status',
          header: t('surveys.contacts.rowStatus'),
          cell: (row) => (
            <StatusBadge color={STATUS_COLOURS[row.status]}>
              {t(`surveys.contacts.rowStatuses.${row.status}`)}
            </StatusBadge>
          ),
        },
        {
          key: 'problems',
          header: t('surveys.contacts.problems'),
          cell: (row) => (
            <LineProblems problems={row.errors.map((e) => ({ where: e.field, message: e.message }))} />
          ),
        },
      ]}
    />
  );
}
