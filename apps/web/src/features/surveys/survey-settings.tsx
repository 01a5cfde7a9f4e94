import { Box, Paper, Text, Title } from '@mantine/core';
import type { Survey } from '@wk/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { cadenceInWords } from '../../lib/cadence-words';
import { useJourneys, useSegments } from '../customers/customers-api';
import { useTeams } from '../people/people-api';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" fw={600}>
        {term}
      </Text>
      <Text component="dd" size="sm" m={0} mb="xs">
        {children}
      </Text>
    </>
  );
}

/** What the survey asks, about what, and how it is sent, in words. */
export function SurveySettings({ survey }: { survey: Survey }) {
  const { t, i18n } = useTranslation();
  const journeys = useJourneys().data ?? [];
  const segments = useSegments().data ?? [];
  const teams = useTeams().data ?? [];
  const journey = journeys.find((j) => j.id === survey.journeyId);
  const about = [
    journey?.name,
    journey?.touchpoints.find((tp) => tp.id === survey.touchpointId)?.name,
    segments.find((s) => s.id === survey.segmentId)?.name,
    teams.find((team) => team.id === survey.teamId)?.name,
  ].filter(Boolean);
  const questions = [
    t('surveys.detail.questionsBase'),
    survey.askOverallGrade && t('surveys.detail.overallGrade'),
    survey.askNps && t('surveys.detail.nps'),
    survey.askComment && t('surveys.detail.comment'),
  ].filter(Boolean);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="settings-title">
      <Title order={2} size="h4" id="settings-title" mb="sm">
        {t('surveys.detail.settings')}
      </Title>
      <Box component="dl" m={0}>
        <Item term={t('surveys.detail.version')}>
          {t('surveys.detail.versionValue', { number: survey.valuesVersionNumber })}
        </Item>
        <Item term={t('surveys.detail.about')}>
          {about.length ? about.join(' · ') : t('surveys.detail.aboutNothing')}
        </Item>
        <Item term={t('surveys.detail.questions')}>{questions.join(', ')}</Item>
        <Item term={t('surveys.detail.window')}>
          {t('surveys.detail.days', { count: survey.windowDays })}
        </Item>
        <Item term={t('surveys.detail.reminder')}>
          {survey.reminderAfterDays > 0
            ? t('surveys.detail.reminderAfter', { count: survey.reminderAfterDays })
            : t('surveys.detail.noReminder')}
        </Item>
        <Item term={t('surveys.detail.schedule')}>
          {survey.schedule
            ? `${cadenceInWords(survey.schedule.cron, t, i18n.language)} (${survey.schedule.timeZone})`
            : t('surveys.detail.noSchedule')}
        </Item>
        {survey.nextWaveAt && <Item term={t('surveys.nextWave')}>{formatDateTime(survey.nextWaveAt)}</Item>}
        <Item term={t('surveys.detail.opensAt')}>{formatDateTime(survey.opensAt)}</Item>
        {survey.closesAt && (
          <Item term={t('surveys.detail.closesAt')}>{formatDateTime(survey.closesAt)}</Item>
        )}
        <Item term={t('surveys.detail.openLinkStatus')}>
          {survey.openLinkEnabled ? t('surveys.detail.on') : t('surveys.detail.off')}
        </Item>
      </Box>
    </Paper>
  );
}
