import {
  Checkbox,
  Fieldset,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { SURVEY_LIMITS } from '@wk/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { cadenceInWords } from '../../lib/cadence-words';
import { presetOf, SCHEDULE_PRESETS, type SchedulePreset, type SurveyFormState } from './survey-draft';

const PRESETS = Object.keys(SCHEDULE_PRESETS) as (keyof typeof SCHEDULE_PRESETS)[];

/** Extra questions, answer window, reminder, optional schedule and the open link. */
export function SurveySendingFields({ form }: { form: SurveyFormState }) {
  const { t, i18n } = useTranslation();
  const draft = form.values;
  // "Custom" stays chosen while the pattern is edited, even when it matches a preset on the way.
  const [custom, setCustom] = useState(() => presetOf(draft.cron) === 'custom');
  const preset: SchedulePreset = custom ? 'custom' : presetOf(draft.cron);
  return (
    <>
      <Fieldset legend={t('surveys.form.questions')}>
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('surveys.form.questionsHint')}
          </Text>
          <Checkbox
            label={t('surveys.form.askOverallGrade')}
            {...form.getInputProps('askOverallGrade', { type: 'checkbox' })}
          />
          <Checkbox
            label={t('surveys.form.askNps')}
            {...form.getInputProps('askNps', { type: 'checkbox' })}
          />
          <Checkbox
            label={t('surveys.form.askComment')}
            {...form.getInputProps('askComment', { type: 'checkbox' })}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('surveys.form.sending')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('surveys.form.windowDays')}
              description={t('surveys.form.windowDaysHint')}
              min={SURVEY_LIMITS.windowDaysMin}
              max={SURVEY_LIMITS.windowDaysMax}
              clampBehavior="none"
              allowDecimal={false}
              {...form.getInputProps('windowDays')}
              onChange={(n) => form.setFieldValue('windowDays', Number(n))}
            />
            <NumberInput
              label={t('surveys.form.reminderDays')}
              description={t('surveys.form.reminderHint')}
              min={0}
              max={SURVEY_LIMITS.windowDaysMax}
              clampBehavior="none"
              allowDecimal={false}
              {...form.getInputProps('reminderAfterDays')}
              onChange={(n) => form.setFieldValue('reminderAfterDays', Number(n))}
            />
          </SimpleGrid>
          <Switch
            label={t('surveys.form.scheduled')}
            description={t('surveys.form.scheduledHint')}
            {...form.getInputProps('scheduled', { type: 'checkbox' })}
          />
          {draft.scheduled && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('surveys.form.cadence')}
                allowDeselect={false}
                data={[
                  ...PRESETS.map((p) => ({ value: p, label: t(`surveys.form.presets.${p}`) })),
                  { value: 'custom', label: t('surveys.form.presets.custom') },
                ]}
                value={preset}
                onChange={(p) => {
                  const next = (p ?? 'custom') as SchedulePreset;
                  setCustom(next === 'custom');
                  // "Custom" keeps the pattern so it can be edited from there.
                  if (next !== 'custom') form.setFieldValue('cron', SCHEDULE_PRESETS[next]);
                }}
              />
              <TextInput
                label={t('surveys.form.cron')}
                description={`${cadenceInWords(draft.cron, t, i18n.language)} · ${t('surveys.form.cronHint')}`}
                {...form.getInputProps('cron')}
                onChange={(e) => {
                  setCustom(true);
                  form.setFieldValue('cron', e.currentTarget.value);
                }}
              />
              <TimeZoneSelect
                label={t('surveys.form.timeZone')}
                {...form.getInputProps('timeZone')}
                value={draft.timeZone}
              />
            </SimpleGrid>
          )}
          <Switch
            label={t('surveys.form.openLink')}
            description={t('surveys.form.openLinkHint')}
            {...form.getInputProps('openLinkEnabled', { type: 'checkbox' })}
          />
        </Stack>
      </Fieldset>
    </>
  );
}
