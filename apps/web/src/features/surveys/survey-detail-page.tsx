import { Alert, Anchor, Button, Group, SimpleGrid, Stack } from '@mantine/core';
import type { Survey, Wave } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Page } from '../../components/page';
import { ErrorState, Loading, QueryState, SuccessNote } from '../../components/states';
import { useCan } from '../auth/session';
import { ContactUpload } from './contact-upload';
import { OpenLinkSection } from './open-link-section';
import { SurveyComments } from './survey-comments';
import { SurveyForm } from './survey-form';
import { SurveySettings } from './survey-settings';
import { SurveyStatusBadge } from './survey-status-badge';
import { useCloseSurvey, useSurvey, useWaves } from './surveys-api';
import { WaveFunnel } from './wave-funnel';
import { WavesSection } from './waves-section';

function SurveyDetail({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const writable = useCan()('surveys.write') && survey.status === 'active';
  const waves = useWaves(survey.id);
  const close = useCloseSurvey();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [note, setNote] = useState('');
  const waveList: Wave[] = waves.data ?? [];

  return (
    <Page
      title={survey.name}
      actions={
        writable ? (
          <>
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('surveys.detail.edit')}
            </Button>
            <Button
              color="red.9"
              onClick={() => {
                close.reset();
                setClosing(true);
              }}
            >
              {t('surveys.detail.close')}
            </Button>
          </>
        ) : undefined
      }
    >
      <Group gap="md">
        <SurveyStatusBadge status={survey.status} />
        <Anchor component={Link} to="/surveys" size="sm">
          {t('surveys.detail.back')}
        </Anchor>
      </Group>
      <SuccessNote>{note}</SuccessNote>
      {survey.status === 'closed' && (
        <Alert color="gray" variant="light">
          {t('surveys.detail.closedNote')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SurveySettings survey={survey} />
        <OpenLinkSection survey={survey} />
      </SimpleGrid>
      {writable && <ContactUpload survey={survey} />}
      {waves.isPending ? (
        <Loading />
      ) : waves.isError ? (
        <ErrorState error={waves.error} onRetry={() => void waves.refetch()} />
      ) : (
        <Stack gap="md">
          <WavesSection survey={survey} waves={waveList} writable={writable} />
          <WaveFunnel waves={waveList} openLinkResponses={survey.openLinkResponses} />
        </Stack>
      )}
      <SurveyComments surveyId={survey.id} waves={waveList} />
      {editing && (
        <SurveyForm
          survey={survey}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setNote(t('common.saved'));
          }}
        />
      )}
      {closing && (
        <ConfirmDialog
          title={t('surveys.detail.closeTitle')}
          message={t('surveys.detail.confirmClose', { name: survey.name })}
          confirmLabel={t('surveys.detail.close')}
          loading={close.isPending}
          error={close.error ?? undefined}
          onClose={() => setClosing(false)}
          onConfirm={() => close.mutate(survey.id, { onSuccess: () => setClosing(false) })}
        />
      )}
    </Page>
  );
}

/** One survey: settings, open link and QR code, contact upload, waves with their funnel, comments. */
export function SurveyDetailPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const survey = useSurvey(id);
  if (survey.isSuccess) return <SurveyDetail survey={survey.data} />;
  return (
    <Page title={t('surveys.title')}>
      <QueryState query={survey}>{() => null}</QueryState>
    </Page>
  );
}
