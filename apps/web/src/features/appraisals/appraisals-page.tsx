import { Anchor, Stack, Table, Title } from '@mantine/core';
import type { AppraisalSummary } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/status-badge';
import { formatDate } from '../../components/format';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { useCan } from '../auth/session';
import { useMyAppraisals, useReports } from './appraisals-api';

/** A list of appraisals as cards of rows; on a phone the table scrolls sideways inside its frame. */
function AppraisalTable({ rows, showEmployee }: { rows: AppraisalSummary[]; showEmployee: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{showEmployee ? t('appraisals.employee') : t('appraisals.cycle')}</Table.Th>
            <Table.Th>{t('appraisals.stageLabel')}</Table.Th>
            <Table.Th>{t('appraisals.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/appraisals/${a.id}`}>
                  {showEmployee ? `${a.employeeName} · ${a.cycleName}` : a.cycleName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge color="blue">{t(`appraisals.stage.${a.stage}`)}</StatusBadge>
              </Table.Td>
              <Table.Td>{a.dueDate ? formatDate(a.dueDate) : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The employee's own appraisals and, for reviewers, their reports with stage and deadline. */
export function AppraisalsPage() {
  const { t } = useTranslation();
  const reviews = useCan()('appraisals.review');
  const mine = useMyAppraisals();
  const reports = useReports(reviews);
  return (
    <Page title={t('appraisals.title')} intro={t('appraisals.intro')}>
      <Stack gap="lg">
        <section aria-labelledby="mine-title">
          <Title order={2} size="h4" id="mine-title" mb="xs">
            {t('appraisals.mine')}
          </Title>
          <QueryState query={mine}>
            {(rows) =>
              rows.length ? (
                <AppraisalTable rows={rows} showEmployee={false} />
              ) : (
                <EmptyState>{t('appraisals.noneMine')}</EmptyState>
              )
            }
          </QueryState>
        </section>
        {reviews && (
          <section aria-labelledby="reports-title">
            <Title order={2} size="h4" id="reports-title" mb="xs">
              {t('appraisals.reports')}
            </Title>
            <QueryState query={reports}>
              {(rows) =>
                rows.length ? (
                  <AppraisalTable rows={rows} showEmployee />
                ) : (
                  <EmptyState>{t('appraisals.noneReports')}</EmptyState>
                )
              }
            </QueryState>
          </section>
        )}
      </Stack>
    </Page>
  );
}
