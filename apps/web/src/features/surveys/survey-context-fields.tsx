import { Fieldset, Select, SimpleGrid, Text } from '@mantine/core';
import { localized } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { useJourneys, useSegments } from '../customers/customers-api';
import { useTeams } from '../people/people-api';
import { touchpointsOf, withJourney, type SurveyFieldsProps } from './survey-draft';

/** What a survey is about: journey → one of its touchpoints, profile and team, each optional. */
export function SurveyContextFields({ draft, onChange, errors }: SurveyFieldsProps) {
  const { t, i18n } = useTranslation();
  const name = (x: { name: string; nameEn: string | null }) => localized(x.name, x.nameEn, i18n.language);
  const journeys = useJourneys().data ?? [];
  const segments = useSegments().data ?? [];
  const teams = useTeams().data ?? [];
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
          value={draft.journeyId}
          onChange={(id) => onChange(withJourney(draft, id, journeys))}
          error={errors['journeyId']}
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
          value={draft.touchpointId}
          onChange={(id) => onChange({ ...draft, touchpointId: id })}
          error={errors['touchpointId']}
        />
        <Select
          {...common}
          label={t('surveys.form.segment')}
          data={segments.map((s) => ({ value: s.id, label: name(s) }))}
          value={draft.segmentId}
          onChange={(id) => onChange({ ...draft, segmentId: id })}
          error={errors['segmentId']}
        />
        <Select
          {...common}
          label={t('surveys.form.team')}
          data={teams.map((team) => ({ value: team.id, label: team.name }))}
          value={draft.teamId}
          onChange={(id) => onChange({ ...draft, teamId: id })}
          error={errors['teamId']}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
