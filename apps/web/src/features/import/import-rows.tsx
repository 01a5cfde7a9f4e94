import { Table, Text } from '@mantine/core';
import type { ImportAction, ImportPreview } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
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
  const rows = [...preview.rows].sort(
    (a, b) => Number(b.action === 'error') - Number(a.action === 'error') || a.line - b.line,
  );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label={t('import.problems')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('import.line')}</Table.Th>
            <Table.Th scope="col">{t('import.key')}</Table.Th>
            <Table.Th scope="col">{t('import.action')}</Table.Th>
            <Table.Th scope="col">{t('import.problems')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{row.key}</Table.Td>
              <Table.Td>
                <StatusBadge color={ACTION_COLOURS[row.action]}>
                  {t(`import.actions.${row.action}`)}
                </StatusBadge>
              </Table.Td>
              <Table.Td>
                {row.errors.map((e, i) => (
                  <Text key={i} size="sm" c="red.9">
                    {e.column === '*' ? e.message : `${e.column}: ${e.message}`}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
