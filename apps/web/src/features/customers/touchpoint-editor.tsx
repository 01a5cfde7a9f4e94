import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { SURVEY_LIMITS, TOUCHPOINT_CHANNELS, type TouchpointChannel } from '@wk/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OrderButtons } from '../../components/order-buttons';
import { moveItem } from '../values/values-model';
import { newTouchpoint, touchpointError, type TouchpointDraft } from './journey-draft';

/** The journey's touchpoints in order: each with name, channel, moment of truth and serving teams. */
export function TouchpointEditor({
  touchpoints,
  teams,
  errors,
  onChange,
  onReorder,
}: {
  touchpoints: TouchpointDraft[];
  teams: { value: string; label: string }[];
  errors: Record<string, ReactNode>;
  onChange: (touchpoints: TouchpointDraft[]) => void;
  /** Moving, adding or removing rows makes index-based api errors stale. */
  onReorder: () => void;
}) {
  const { t } = useTranslation();
  const channels = TOUCHPOINT_CHANNELS.map((c) => ({ value: c, label: t(`customers.channels.${c}`) }));
  const set = (i: number, patch: Partial<TouchpointDraft>) =>
    onChange(touchpoints.map((tp, j) => (j === i ? { ...tp, ...patch } : tp)));
  const restructure = (next: TouchpointDraft[]) => {
    onReorder();
    onChange(next);
  };
  const listError = errors['touchpoints'];

  return (
    <Fieldset legend={t('customers.touchpoints')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('customers.touchpointsHint')}
        </Text>
        {listError && (
          <Text size="sm" c="red.9" role="alert">
            {listError}
          </Text>
        )}
        {touchpoints.length === 0 && <Text size="sm">{t('customers.noTouchpoints')}</Text>}
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {touchpoints.map((tp, i) => {
            const n = i + 1;
            const rowError = errors[`touchpoints[${i}]`];
            return (
              <li key={tp.key}>
                <Fieldset legend={t('customers.touchpoint', { n })} variant="filled" p="sm">
                  <Stack gap="xs">
                    {rowError && (
                      <Text size="sm" c="red.9">
                        {rowError}
                      </Text>
                    )}
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput
                        label={t('customers.touchpointName')}
                        required
                        value={tp.name}
                        onChange={(e) => set(i, { name: e.currentTarget.value })}
                        error={touchpointError(errors, i, 'name')}
                      />
                      <TextInput
                        label={t('customers.touchpointNameEn')}
                        lang="en"
                        maxLength={SURVEY_LIMITS.nameLength}
                        value={tp.nameEn}
                        onChange={(e) => set(i, { nameEn: e.currentTarget.value })}
                        error={touchpointError(errors, i, 'nameEn')}
                      />
                      <Select
                        label={t('customers.channel')}
                        allowDeselect={false}
                        data={channels}
                        value={tp.channel}
                        onChange={(c) => c && set(i, { channel: c as TouchpointChannel })}
                        error={touchpointError(errors, i, 'channel')}
                      />
                      <MultiSelect
                        label={t('customers.touchpointTeams')}
                        data={teams}
                        value={tp.teamIds}
                        searchable
                        onChange={(teamIds) => set(i, { teamIds })}
                        error={touchpointError(errors, i, 'teamIds')}
                      />
                      <Checkbox
                        mt={{ base: 0, sm: 30 }}
                        label={t('customers.momentOfTruth')}
                        checked={tp.momentOfTruth}
                        onChange={(e) => set(i, { momentOfTruth: e.currentTarget.checked })}
                        error={touchpointError(errors, i, 'momentOfTruth')}
                      />
                    </SimpleGrid>
                    <Group justify="flex-end">
                      <OrderButtons
                        labels={{
                          up: t('customers.touchpointUp', { n }),
                          down: t('customers.touchpointDown', { n }),
                          remove: t('customers.removeTouchpoint', { n }),
                        }}
                        first={i === 0}
                        last={i === touchpoints.length - 1}
                        onMove={(d) => restructure(moveItem(touchpoints, i, d))}
                        onRemove={() => restructure(touchpoints.filter((_, j) => j !== i))}
                      />
                    </Group>
                  </Stack>
                </Fieldset>
              </li>
            );
          })}
        </Stack>
        <Group>
          <Button variant="default" size="xs" onClick={() => restructure([...touchpoints, newTouchpoint()])}>
            {t('customers.addTouchpoint')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
