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
import {
  presetOf,
  SCHEDULE_PRESETS,
  type SchedulePreset,
  type SurveyDraft,
  type SurveyFieldsProps,
} from './survey-draft';

const PRESETS = Object.keys(SCHEDULE_PRESETS) as (keyof typeof SCHEDULE_PRESETS)[];

/** Extra questions, answer window, reminder, optional schedule and the open link. */
export function SurveySendingFields({ draft, onChange, errors }: SurveyFieldsProps) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof SurveyDraft>(key: K, value: SurveyDraft[K]) =>
    onChange({ ...draft, [key]: value });
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
            checked={draft.askOverallGrade}
            onChange={(e) => set('askOverallGrade', e.currentTarget.checked)}
          />
          <Checkbox
            label={t('surveys.form.askNps')}
            checked={draft.askNps}
            onChange={(e) => set('askNps', e.currentTarget.checked)}
          />
          <Checkbox
            label={t('surveys.form.askComment')}
            checked={draft.askComment}
            onChange={(e) => set('askComment', e.currentTarget.checked)}
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
              value={draft.windowDays}
              onChange={(n) => set('windowDays', Number(n))}
              error={errors['windowDays']}
            />
            <NumberInput
              label={t('surveys.form.reminderDays')}
              description={t('surveys.form.reminderHint')}
              min={0}
              max={SURVEY_LIMITS.windowDaysMax}
              clampBehavior="none"
              allowDecimal={false}
              value={draft.reminderAfterDays}
              onChange={(n) => set('reminderAfterDays', Number(n))}
              error={errors['reminderAfterDays']}
            />
          </SimpleGrid>
          <Switch
            label={t('surveys.form.scheduled')}
            description={t('surveys.form.scheduledHint')}
            checked={draft.scheduled}
            onChange={(e) => set('scheduled', e.currentTarget.checked)}
            error={errors['schedule']}
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
                  if (next !== 'custom') set('cron', SCHEDULE_PRESETS[next]);
                }}
              />
              <TextInput
                label={t('surveys.form.cron')}
                description={`${cadenceInWords(draft.cron, t, i18n.language)} · ${t('surveys.form.cronHint')}`}
                value={draft.cron}
                onChange={(e) => {
                  setCustom(true);
                  set('cron', e.currentTarget.value);
                }}
                error={errors['schedule.cron'] ?? errors['cron']}
              />
              <TimeZoneSelect
                label={t('surveys.form.timeZone')}
                value={draft.timeZone}
                onChange={(zone) => set('timeZone', zone)}
                error={errors['schedule.timeZone'] ?? errors['timeZone']}
              />
            </SimpleGrid>
          )}
          <Switch
            label={t('surveys.form.openLink')}
            description={t('surveys.form.openLinkHint')}
            checked={draft.openLinkEnabled}
            onChange={(e) => set('openLinkEnabled', e.currentTarget.checked)}
            error={errors['openLinkEnabled']}
          />
        </Stack>
      </Fieldset>
    </>
  );
}
