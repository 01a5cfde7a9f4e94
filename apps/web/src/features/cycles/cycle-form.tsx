import { MultiSelect, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CreateCycleRequest } from '@wk/contracts';
import { CADENCE_PRESETS, CYCLE_DEFAULTS, CYCLE_LIMITS, type CadencePreset } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { showApiErrorsIn, useFormRules } from '../../components/api-form';
import { FormDialog } from '../../components/form-dialog';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { cadenceInWords } from '../../lib/cadence-words';
import { useTeams } from '../people/people-api';
import { useValueVersions } from '../values/values-api';
import { useCreateCycle } from './cycles-api';

const PRESETS = Object.keys(CADENCE_PRESETS) as CadencePreset[];

/** A new cycle: which values, who, how often (a preset or an own cron pattern), how long, reminders. */
export function CycleForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const rules = useFormRules();
  const versions = useValueVersions();
  const teams = useTeams();
  const create = useCreateCycle();
  const published = (versions.data ?? []).filter((v) => v.status === 'published');
  const form = useForm({
    initialValues: {
      name: '',
      valuesVersionId: null as string | null,
      teamIds: [] as string[],
      preset: 'quarterly' as CadencePreset | 'custom',
      cron: CADENCE_PRESETS.quarterly as string,
      timeZone: CYCLE_DEFAULTS.timeZone as string,
      windowDays: CYCLE_DEFAULTS.windowDays as number | string,
      reminderDays: CYCLE_DEFAULTS.reminderDays.join(', '),
    },
    validate: { name: rules.required },
  });
  const { values } = form;
  const chosenVersion = values.valuesVersionId ?? published.find((v) => v.isCurrent)?.id ?? null;

  const submit = form.onSubmit((v) => {
    const body: CreateCycleRequest = {
      name: v.name,
      valuesVersionId: chosenVersion ?? '',
      teamIds: v.teamIds,
      cron: v.cron,
      timeZone: v.timeZone,
      windowDays: Number(v.windowDays),
      reminderDays: v.reminderDays
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number),
    };
    create.mutate(body, { onSuccess: onDone, onError: showApiErrorsIn(form) });
  });

  return (
    <FormDialog
      title={t('cycles.new')}
      onClose={onDone}
      onSubmit={() => submit()}
      save={create}
      submitLabel={t('cycles.create')}
      size="lg"
    >
      <TextInput
        label={t('cycles.name')}
        required
        maxLength={CYCLE_LIMITS.nameLength}
        {...form.getInputProps('name')}
      />
      <Select
        label={t('cycles.valuesVersion')}
        required
        allowDeselect={false}
        data={published.map((v) => ({
          value: v.id,
          label: t('cycles.versionOption', { number: v.number }),
        }))}
        {...form.getInputProps('valuesVersionId')}
        value={chosenVersion}
      />
      <MultiSelect
        label={t('cycles.audience')}
        description={t('cycles.audienceHint')}
        placeholder={values.teamIds.length ? undefined : t('cycles.wholeOrganisation')}
        data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        searchable
        {...form.getInputProps('teamIds')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('cycles.cadence')}
          allowDeselect={false}
          data={[
            ...PRESETS.map((p) => ({ value: p, label: t(`cycles.presets.${p}`) })),
            { value: 'custom', label: t('cycles.presets.custom') },
          ]}
          value={values.preset}
          onChange={(p) => {
            const next = (p ?? 'quarterly') as CadencePreset | 'custom';
            form.setFieldValue('preset', next);
            if (next !== 'custom') form.setFieldValue('cron', CADENCE_PRESETS[next]);
          }}
        />
        <TextInput
          label={t('cycles.cron')}
          description={`${cadenceInWords(values.cron, t, i18n.language)} · ${t('cycles.cronHint')}`}
          {...form.getInputProps('cron')}
          onChange={(e) => {
            form.setFieldValue('cron', e.currentTarget.value);
            form.setFieldValue('preset', 'custom');
          }}
        />
        <TimeZoneSelect
          label={t('cycles.timeZone')}
          {...form.getInputProps('timeZone')}
          value={values.timeZone}
        />
        <NumberInput
          label={t('cycles.windowDays')}
          min={CYCLE_LIMITS.windowDaysMin}
          max={CYCLE_LIMITS.windowDaysMax}
          clampBehavior="none"
          {...form.getInputProps('windowDays')}
        />
        <TextInput
          label={t('cycles.reminderDays')}
          description={t('cycles.reminderDaysHint')}
          {...form.getInputProps('reminderDays')}
        />
      </SimpleGrid>
    </FormDialog>
  );
}
