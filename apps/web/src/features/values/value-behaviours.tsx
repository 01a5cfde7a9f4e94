import { Button, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { uniqueKey, type BehaviourDraft, type ValueDraft } from '@wk/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OrderButtons } from '../../components/order-buttons';
import type { PublishedBehaviour } from './value-form';
import { moveItem } from './values-model';

/** A value's behaviours in order; a new one may continue a behaviour of the published version. */
export function BehavioursFieldset({
  value,
  at,
  errorFor,
  publishedBehaviours,
  takenBehaviourKeys,
  onChange,
}: {
  value: ValueDraft;
  /** The value's path in the api's field errors (`values[2]`). */
  at: string;
  errorFor: (field: string) => ReactNode;
  publishedBehaviours: PublishedBehaviour[];
  takenBehaviourKeys: string[];
  onChange: (behaviours: BehaviourDraft[]) => void;
}) {
  const { t } = useTranslation();
  const setBehaviour = (i: number, patch: Partial<BehaviourDraft>) =>
    onChange(value.behaviours.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const publishedKeys = new Set(publishedBehaviours.map((b) => b.key));
  const addBehaviour = () =>
    onChange([
      ...value.behaviours,
      {
        key: uniqueKey(`${value.key}-${value.behaviours.length + 1}`, takenBehaviourKeys),
        continuesKey: null,
        textNl: '',
        textEn: '',
      },
    ]);
  return (
    <Fieldset legend={t('values.editor.behaviours')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('values.editor.behavioursHint')}
        </Text>
        {errorFor(`${at}.behaviours`) && (
          <Text size="sm" c="red.9" role="alert">
            {errorFor(`${at}.behaviours`)}
          </Text>
        )}
        {value.behaviours.map((behaviour, i) => {
          const isNew = !publishedKeys.has(behaviour.key);
          return (
            <Stack key={behaviour.key} gap={4} className="behaviour-row">
              <Group align="flex-end" wrap="wrap" gap="xs">
                <TextInput
                  style={{ flex: '1 1 260px' }}
                  label={t('values.editor.behaviourNl', { n: i + 1 })}
                  required
                  value={behaviour.textNl}
                  onChange={(e) => setBehaviour(i, { textNl: e.currentTarget.value })}
                  error={errorFor(`${at}.behaviours[${i}].textNl`) ?? errorFor(`${at}.behaviours[${i}].key`)}
                />
                <TextInput
                  style={{ flex: '1 1 260px' }}
                  label={t('values.editor.behaviourEn', { n: i + 1 })}
                  value={behaviour.textEn}
                  onChange={(e) => setBehaviour(i, { textEn: e.currentTarget.value })}
                  error={errorFor(`${at}.behaviours[${i}].textEn`)}
                />
                <OrderButtons
                  labels={{
                    up: t('values.editor.behaviourUp', { n: i + 1 }),
                    down: t('values.editor.behaviourDown', { n: i + 1 }),
                    remove: t('values.editor.removeBehaviour', { n: i + 1 }),
                  }}
                  first={i === 0}
                  last={i === value.behaviours.length - 1}
                  onMove={(d) => onChange(moveItem(value.behaviours, i, d))}
                  onRemove={() => onChange(value.behaviours.filter((_, j) => j !== i))}
                />
              </Group>
              {isNew && publishedBehaviours.length > 0 && (
                <Select
                  maw={520}
                  label={t('values.editor.continues', { n: i + 1 })}
                  data={[
                    { value: '', label: t('values.editor.continuesNone') },
                    ...publishedBehaviours.map((b) => ({ value: b.key, label: b.label })),
                  ]}
                  value={behaviour.continuesKey ?? ''}
                  onChange={(k) => setBehaviour(i, { continuesKey: k || null })}
                  error={errorFor(`${at}.behaviours[${i}].continuesKey`)}
                />
              )}
            </Stack>
          );
        })}
        <Group>
          <Button variant="default" size="xs" onClick={addBehaviour}>
            {t('values.editor.addBehaviour')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
