import { Table, Text } from '@mantine/core';
import type { ContactPreview, ContactRowStatus } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
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
  const rows = [...preview.rows].sort(
    (a, b) => Number(b.status === 'error') - Number(a.status === 'error') || a.line - b.line,
  );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={t('surveys.contacts.rows')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('surveys.contacts.line')}</Table.Th>
            <Table.Th scope="col">{t('surveys.contacts.email')}</Table.Th>
            <Table.Th scope="col">{t('surveys.contacts.segment')}</Table.Th>
            <Table.Th scope="col">{t('surveys.contacts.team')}</Table.Th>
            <Table.Th scope="col">{t('surveys.contacts.language')}</Table.Th>
            <Table.Th scope="col">{t('surveys.contacts.rowStatus')}</Table.Th>
            <Table.Th scope="col">{t('surveys.contacts.problems')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>{row.email}</Table.Td>
              <Table.Td>{row.segment ?? ''}</Table.Td>
              <Table.Td>{row.team ?? ''}</Table.Td>
              <Table.Td>{row.locale?.toUpperCase() ?? ''}</Table.Td>
              <Table.Td>
                <StatusBadge color={STATUS_COLOURS[row.status]}>
                  {t(`surveys.contacts.rowStatuses.${row.status}`)}
                </StatusBadge>
              </Table.Td>
              <Table.Td>
                {row.errors.map((e, i) => (
                  <Text key={i} size="sm" c="red.9">
                    {e.field && e.field !== '*' ? `${e.field}: ${e.message}` : e.message}
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
