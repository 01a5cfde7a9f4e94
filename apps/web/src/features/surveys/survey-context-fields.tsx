import { Fieldset, Select, SimpleGrid, Text } from '@mantine/core';
import { localized } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { useJourneys, useSegments } from '../customers/customers-api';
import { useTeams } from '../people/people-api';
import { touchpointsOf, withJourney, type SurveyFormState } from './survey-draft';

/** What a survey is about: journey → one of its touchpoints, profile and team, each optional. */
export function SurveyContextFields({ form }: { form: SurveyFormState }) {
  const { t, i18n } = useTranslation();
  const name = (x: { name: string; nameEn: string | null }) => localized(x.name, x.nameEn, i18n.language);
  const journeys = useJourneys().data ?? [];
  const segments = useSegments().data ?? [];
  const teams = useTeams().data ?? [];
  const draft = form.values;
  const touchpoints = touchpointsOf(journeys, draft.journeyId);
  const common = { clearable: true, searchable: true, placeholder: t('surveys.form.none') };
  return (
    <Fieldset legend={t('surveys.form.context')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('surveys.form.contextHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          {...common}
          label={t('surveys.form.journey')}
          data={journeys.map((j) => ({ value: j.id, label: name(j) }))}
          {...form.getInputProps('journeyId')}
          onChange={(id) => form.setValues(withJourney(form.getValues(), id, journeys))}
        />
        <Select
          {...common}
          label={t('surveys.form.touchpoint')}
          description={draft.journeyId ? undefined : t('surveys.form.touchpointHint')}
          disabled={!draft.journeyId}
          data={touchpoints.map((tp) => ({
            value: tp.id,
            label: `${tp.position + 1}. ${name(tp)} (${t(`customers.channels.${tp.channel}`)})`,
          }))}
          {...form.getInputProps('touchpointId')}
        />
        <Select
          {...common}
          label={t('surveys.form.segment')}
          data={segments.map((s) => ({ value: s.id, label: name(s) }))}
          {...form.getInputProps('segmentId')}
        />
        <Select
          {...common}
          label={t('surveys.form.team')}
          data={teams.map((team) => ({ value: team.id, label: team.name }))}
          {...form.getInputProps('teamId')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
