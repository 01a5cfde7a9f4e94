import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  DEFAULT_RECOGNITION_QUESTION,
  DEFAULT_TARGET_BY_LEVEL,
  LOADING_AREAS,
  PYRAMID_LEVELS,
  VALUE_CHARGES,
  VALUE_TIERS,
  type LoadingArea,
  type LoadingDraft,
  type PyramidLevel,
  type ValueCharge,
  type ValueDraft,
  type ValueTier,
} from '@wk/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BehavioursFieldset } from './value-behaviours';

export interface PublishedBehaviour {
  key: string;
  label: string;
}

interface ValueFormProps {
  value: ValueDraft;
  index: number;
  onChange: (value: ValueDraft) => void;
  errorFor: (field: string) => ReactNode;
  /** Behaviours of the published version a new behaviour may continue. */
  publishedBehaviours: PublishedBehaviour[];
  /** Every behaviour key in the draft, so a new one gets a free key. */
  takenBehaviourKeys: string[];
}

/** Everything about one value: names, place in the house, target, question, loading and behaviours. */
export function ValueForm({
  value,
  index,
  onChange,
  errorFor,
  publishedBehaviours,
  takenBehaviourKeys,
}: ValueFormProps) {
  const { t } = useTranslation();
  const at = `values[${index}]`;
  const set = <K extends keyof ValueDraft>(key: K, next: ValueDraft[K]) =>
    onChange({ ...value, [key]: next });
  const setLoading = (i: number, patch: Partial<LoadingDraft>) =>
    set(
      'loadings',
      value.loadings.map((l, j) => (j === i ? { ...l, ...patch } : l)),
    );

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('values.editor.key', { key: value.key })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('values.editor.nameNl')}
          required
          value={value.nameNl}
          onChange={(e) => set('nameNl', e.currentTarget.value)}
          error={errorFor(`${at}.nameNl`)}
        />
        <TextInput
          label={t('values.editor.nameEn')}
          value={value.nameEn}
          onChange={(e) => set('nameEn', e.currentTarget.value)}
          error={errorFor(`${at}.nameEn`)}
        />
        <Textarea
          label={t('values.editor.descriptionNl')}
          autosize
          minRows={2}
          value={value.descriptionNl}
          onChange={(e) => set('descriptionNl', e.currentTarget.value)}
          error={errorFor(`${at}.descriptionNl`)}
        />
        <Textarea
          label={t('values.editor.descriptionEn')}
          autosize
          minRows={2}
          value={value.descriptionEn}
          onChange={(e) => set('descriptionEn', e.currentTarget.value)}
          error={errorFor(`${at}.descriptionEn`)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Select
          label={t('values.editor.level')}
          allowDeselect={false}
          data={PYRAMID_LEVELS.map((l) => ({ value: l, label: t(`values.levels.${l}`) }))}
          value={value.level}
          onChange={(l) => l && set('level', l as PyramidLevel)}
          error={errorFor(`${at}.level`)}
        />
        <Select
          label={t('values.editor.tier')}
          allowDeselect={false}
          data={VALUE_TIERS.map((tier) => ({ value: tier, label: t(`values.tiers.${tier}`) }))}
          value={value.tier}
          onChange={(tier) => tier && set('tier', tier as ValueTier)}
          error={errorFor(`${at}.tier`)}
        />
        <Select
          label={t('values.editor.charge')}
          allowDeselect={false}
          data={VALUE_CHARGES.map((c) => ({ value: c, label: t(`values.charges.${c}`) }))}
          value={value.charge}
          onChange={(c) => c && set('charge', c as ValueCharge)}
          error={errorFor(`${at}.charge`)}
        />
        <TextInput
          label={t('values.editor.theme')}
          description={t('values.editor.themeHint')}
          value={value.theme ?? ''}
          onChange={(e) => set('theme', e.currentTarget.value || null)}
          error={errorFor(`${at}.theme`)}
        />
        <NumberInput
          label={t('values.editor.targetGrade')}
          description={t('values.editor.targetHint', { grade: DEFAULT_TARGET_BY_LEVEL[value.level] })}
          min={1}
          max={10}
          step={0.1}
          decimalScale={1}
          clampBehavior="none"
          value={value.targetGrade}
          onChange={(n) => set('targetGrade', typeof n === 'number' ? n : Number(n))}
          error={errorFor(`${at}.targetGrade`)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('values.editor.questionNl')}
          description={t('values.editor.questionHint')}
          placeholder={DEFAULT_RECOGNITION_QUESTION.nl}
          value={value.questionNl ?? ''}
          onChange={(e) => set('questionNl', e.currentTarget.value || null)}
          error={errorFor(`${at}.questionNl`)}
        />
        <TextInput
          label={t('values.editor.questionEn')}
          description={t('values.editor.questionHint')}
          placeholder={DEFAULT_RECOGNITION_QUESTION.en}
          value={value.questionEn ?? ''}
          onChange={(e) => set('questionEn', e.currentTarget.value || null)}
          error={errorFor(`${at}.questionEn`)}
        />
      </SimpleGrid>

      <Fieldset legend={t('values.editor.loadings')}>
        <Stack gap="sm">
          {value.loadings.map((loading, i) => (
            <Group key={i} align="flex-end" wrap="wrap" gap="xs">
              <Select
                label={t('values.editor.area', { n: i + 1 })}
                w={200}
                allowDeselect={false}
                data={LOADING_AREAS.map((a) => ({ value: a, label: t(`values.areas.${a}`) }))}
                value={loading.area}
                onChange={(a) => a && setLoading(i, { area: a as LoadingArea })}
              />
              <TextInput
                style={{ flex: '1 1 220px' }}
                label={t('values.editor.loadingNl', { n: i + 1 })}
                value={loading.textNl}
                onChange={(e) => setLoading(i, { textNl: e.currentTarget.value })}
                error={errorFor(`${at}.loadings[${i}].textNl`)}
              />
              <TextInput
                style={{ flex: '1 1 220px' }}
                label={t('values.editor.loadingEn', { n: i + 1 })}
                value={loading.textEn}
                onChange={(e) => setLoading(i, { textEn: e.currentTarget.value })}
                error={errorFor(`${at}.loadings[${i}].textEn`)}
              />
              <ActionIcon
                variant="default"
                color="red"
                aria-label={t('values.editor.removeLoading', { n: i + 1 })}
                title={t('values.editor.removeLoading', { n: i + 1 })}
                onClick={() =>
                  set(
                    'loadings',
                    value.loadings.filter((_, j) => j !== i),
                  )
                }
              >
                ✕
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() =>
                set('loadings', [...value.loadings, { area: 'customer_journeys', textNl: '', textEn: '' }])
              }
            >
              {t('values.editor.addLoading')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <BehavioursFieldset
        value={value}
        at={at}
        errorFor={errorFor}
        publishedBehaviours={publishedBehaviours}
        takenBehaviourKeys={takenBehaviourKeys}
        onChange={(behaviours) => set('behaviours', behaviours)}
      />
    </Stack>
  );
}
