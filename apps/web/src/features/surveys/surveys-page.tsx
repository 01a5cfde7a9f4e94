import { Anchor, Button, Group, Text } from '@mantine/core';
import type { Survey } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { useCan } from '../auth/session';
import { SurveyForm } from './survey-form';
import { SurveyStatusBadge } from './survey-status-badge';
import { useSurveys } from './surveys-api';

function SurveyTable({ surveys }: { surveys: Survey[] }) {
  const { t } = useTranslation();
  return (
    <ListTable
      label={t('surveys.list')}
      minWidth={640}
      rows={surveys}
      rowKey={(survey) => survey.id}
      columns={[
        {
          key: 'name',
          header: t('surveys.name'),
          cell: (survey) => (
            <Anchor component={Link} to={`/surveys/${survey.id}`} fw={600}>
              {survey.name}
            </Anchor>
          ),
        },
        {
          key: 'status',
          header: t('surveys.status'),
          cell: (survey) => <SurveyStatusBadge status={survey.status} />,
        },
        { key: 'responses', header: t('surveys.responses'), cell: (survey) => survey.responses },
        { key: 'pending', header: t('surveys.pending'), cell: (survey) => survey.pendingContacts },
        {
          key: 'nextWave',
          header: t('surveys.nextWave'),
          cell: (survey) =>
            survey.nextWaveAt ? (
              formatDateTime(survey.nextWaveAt)
            ) : (
              <Text span size="sm" c="dimmed">
                {t('surveys.noSchedule')}
              </Text>
            ),
        },
      ]}
    />
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
      actions={
        <Group gap="xs">
          <Button component={Link} to="/surveys/comments" variant="default">
            {t('surveys.reading.title')}
          </Button>
          {writable && <Button onClick={() => setCreating(true)}>{t('surveys.new')}</Button>}
        </Group>
      }
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
