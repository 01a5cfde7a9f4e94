import { Anchor, Button, Table, Text } from '@mantine/core';
import type { Survey } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { useCan } from '../auth/session';
import { SurveyForm } from './survey-form';
import { SurveyStatusBadge } from './survey-status-badge';
import { useSurveys } from './surveys-api';

function SurveyTable({ surveys }: { surveys: Survey[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={t('surveys.list')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('surveys.name')}</Table.Th>
            <Table.Th scope="col">{t('surveys.status')}</Table.Th>
            <Table.Th scope="col">{t('surveys.responses')}</Table.Th>
            <Table.Th scope="col">{t('surveys.pending')}</Table.Th>
            <Table.Th scope="col">{t('surveys.nextWave')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {surveys.map((survey) => (
            <Table.Tr key={survey.id}>
              <Table.Td>
                <Anchor component={Link} to={`/surveys/${survey.id}`} fw={600}>
                  {survey.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <SurveyStatusBadge status={survey.status} />
              </Table.Td>
              <Table.Td>{survey.responses}</Table.Td>
              <Table.Td>{survey.pendingContacts}</Table.Td>
              <Table.Td>
                {survey.nextWaveAt ? (
                  formatDateTime(survey.nextWaveAt)
                ) : (
                  <Text span size="sm" c="dimmed">
                    {t('surveys.noSchedule')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Klantonderzoek": the surveys with their responses and next wave; a new one opens in its detail page. */
export function SurveysPage() {
  const { t } = useTranslation();
  const surveys = useSurveys();
  const navigate = useNavigate();
  const writable = useCan()('surveys.write');
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('surveys.title')}
      intro={t('surveys.intro')}
      actions={writable ? <Button onClick={() => setCreating(true)}>{t('surveys.new')}</Button> : undefined}
    >
      <QueryState query={surveys}>
        {(list) =>
          list.length === 0 ? <EmptyState>{t('surveys.empty')}</EmptyState> : <SurveyTable surveys={list} />
        }
      </QueryState>
      {creating && (
        <SurveyForm
          survey={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => navigate(`/surveys/${saved.id}`)}
        />
      )}
    </Page>
  );
}
