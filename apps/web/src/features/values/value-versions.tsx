import { Badge, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { QueryState } from '../../components/states';
import { useValueVersions } from './values-api';

/** Every version of the values house: number, status, when and by whom it was published. */
export function ValueVersions() {
  const { t } = useTranslation();
  const versions = useValueVersions();
  return (
    <section aria-labelledby="versions-title">
      <Title order={2} size="h4" id="versions-title" mb="sm">
        {t('values.editor.versions')}
      </Title>
      <QueryState query={versions}>
        {(list) => (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('values.editor.number')}</Table.Th>
                  <Table.Th>{t('values.editor.status')}</Table.Th>
                  <Table.Th>{t('values.editor.publishedAt')}</Table.Th>
                  <Table.Th>{t('values.editor.publishedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{v.number}</Table.Td>
                    <Table.Td>
                      {t(`values.editor.statuses.${v.status}`)}{' '}
                      {v.isCurrent && (
                        <Badge size="sm" color="teal.9">
                          {t('values.editor.current')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDateTime(v.publishedAt)}</Table.Td>
                    <Table.Td>{v.publishedByName ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </section>
  );
}
