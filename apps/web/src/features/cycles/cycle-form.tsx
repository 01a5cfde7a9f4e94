import { Button, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { CreateCycleRequest } from '@wk/contracts';
import { CADENCE_PRESETS, CYCLE_DEFAULTS, CYCLE_LIMITS, type CadencePreset } from '@wk/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorState } from '../../components/states';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { cadenceInWords } from '../../lib/cadence-words';
import { useTeams } from '../people/people-api';
import { useValueVersions } from '../values/values-api';
import { useCreateCycle } from './cycles-api';

const PRESETS = Object.keys(CADENCE_PRESETS) as CadencePreset[];

/** A new cycle: which values, who, how often (a preset or an own cron pattern), how long, reminders. */
export function CycleForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const versions = useValueVersions();
  const teams = useTeams();
  const create = useCreateCycle();
  const published = (versions.data ?? []).filter((v) => v.status === 'published');
  const [name, setName] = useState('');
  const [versionId, setVersionId] = useState<string | null>(null);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [preset, setPreset] = useState<CadencePreset | 'custom'>('quarterly');
  const [cron, setCron] = useState<string>(CADENCE_PRESETS.quarterly);
  const [timeZone, setTimeZone] = useState(CYCLE_DEFAULTS.timeZone);
  const [windowDays, setWindowDays] = useState<number>(CYCLE_DEFAULTS.windowDays);
  const [reminderDays, setReminderDays] = useState(CYCLE_DEFAULTS.reminderDays.join(', '));
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const chosenVersion = versionId ?? published.find((v) => v.isCurrent)?.id ?? null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: CreateCycleRequest = {
      name,
      valuesVersionId: chosenVersion ?? '',
      teamIds,
      cron,
      timeZone,
      windowDays,
      reminderDays: reminderDays
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number),
    };
    create.mutate(body, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('cycles.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors['name']}
          maxLength={CYCLE_LIMITS.nameLength}
        />
        <Select
          label={t('cycles.valuesVersion')}
          required
          allowDeselect={false}
          data={published.map((v) => ({
            value: v.id,
            label: t('cycles.versionOption', { number: v.number }),
          }))}
          value={chosenVersion}
          onChange={setVersionId}
          error={errors['valuesVersionId']}
        />
        <MultiSelect
          label={t('cycles.audience')}
          description={t('cycles.audienceHint')}
          placeholder={teamIds.length ? undefined : t('cycles.wholeOrganisation')}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={teamIds}
          onChange={setTeamIds}
          searchable
          error={errors['teamIds']}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('cycles.cadence')}
            allowDeselect={false}
            data={[
              ...PRESETS.map((p) => ({ value: p, label: t(`cycles.presets.${p}`) })),
              { value: 'custom', label: t('cycles.presets.custom') },
            ]}
            value={preset}
            onChange={(p) => {
              const next = (p ?? 'quarterly') as CadencePreset | 'custom';
              setPreset(next);
              if (next !== 'custom') setCron(CADENCE_PRESETS[next]);
            }}
          />
          <TextInput
            label={t('cycles.cron')}
            description={`${cadenceInWords(cron, t, i18n.language)} · ${t('cycles.cronHint')}`}
            value={cron}
            onChange={(e) => {
              setCron(e.currentTarget.value);
              setPreset('custom');
            }}
            error={errors['cron']}
          />
          <TimeZoneSelect
            label={t('cycles.timeZone')}
            value={timeZone}
            onChange={setTimeZone}
            error={errors['timeZone']}
          />
          <NumberInput
            label={t('cycles.windowDays')}
            min={CYCLE_LIMITS.windowDaysMin}
            max={CYCLE_LIMITS.windowDaysMax}
            clampBehavior="none"
            value={windowDays}
            onChange={(n) => setWindowDays(Number(n))}
            error={errors['windowDays']}
          />
          <TextInput
            label={t('cycles.reminderDays')}
            description={t('cycles.reminderDaysHint')}
            value={reminderDays}
            onChange={(e) => setReminderDays(e.currentTarget.value)}
            error={Object.entries(errors).find(([f]) => f.startsWith('reminderDays'))?.[1]}
          />
        </SimpleGrid>
        {create.isError && !(create.error instanceof ApiError && create.error.status === 400) && (
          <ErrorState error={create.error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('cycles.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
