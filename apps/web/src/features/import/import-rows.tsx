import type { ImportAction, ImportPreview } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { errorsFirst, LineProblems, ListTable } from '../../components/list-table';
import { StatusBadge } from '../../components/status-badge';

const ACTION_COLOURS: Record<ImportAction, string> = {
  create: 'teal',
  update: 'blue',
  unchanged: 'gray',
  error: 'red',
};

/** Per-row outcome of a preview or an import; rows with errors first, so they are not missed. */
export function ImportRows({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <ListTable
      label={t('import.problems')}
      minWidth={560}
      rows={errorsFirst(preview.rows, (row) => row.action === 'error')}
      rowKey={(row) => row.line}
      columns={[
        { key: 'line', header: t('import.line'), cell: (row) => row.line },
        { key: 'key', header: t('import.key'), cell: (row) => row.key },
        {
          key: 'action',
          header: t('import.action'),
          cell: (row) => (
            <StatusBadge color={ACTION_COLOURS[row.action]}>{t(`import.actions.${row.action}`)}</StatusBadge>
          ),
        },
        {
          key: 'problems',
          header: t('import.problems'),
          cell: (row) => (
            <LineProblems problems={row.errors.map((e) => ({ where: e.column, message: e.message }))} />
          ),
        },
      ]}
    />
  );
}
