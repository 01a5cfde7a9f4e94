import { Group, Paper, Select, Stack, Text, TextInput, Title, UnstyledButton, Button } from '@mantine/core';
import { useForm } from '@mantine/form';
import { newValue, PYRAMID_LEVELS, type PyramidLevel, type ValueDraft } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { OrderButtons } from '../../components/order-buttons';
import { moveItem } from './values-model';

function AddValueForm({ onAdd }: { onAdd: (name: string, level: PyramidLevel) => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { name: '', level: 'basis' as PyramidLevel } });
  const submit = form.onSubmit(({ name, level }) => {
    if (!name.trim()) return;
    onAdd(name.trim(), level);
    form.setFieldValue('name', '');
  });
  return (
    <form onSubmit={submit} aria-label={t('values.editor.addValue')}>
      <Stack gap="xs">
        <TextInput label={t('values.editor.newValueName')} {...form.getInputProps('name')} />
        <Select
          label={t('values.editor.level')}
          allowDeselect={false}
          data={PYRAMID_LEVELS.map((l) => ({ value: l, label: t(`values.levels.${l}`) }))}
          {...form.getInputProps('level')}
        />
        <Button type="submit" variant="default" disabled={!form.values.name.trim()}>
          {t('values.editor.add')}
        </Button>
      </Stack>
    </form>
  );
}

interface DraftValueListProps {
  values: ValueDraft[];
  selected: number;
  onSelect: (index: number) => void;
  update: (next: ValueDraft[]) => void;
  nameOf: (value: ValueDraft) => string;
  valuesWithProblems: ReadonlySet<number | null>;
}

/** The draft's values in order (select, move, remove) and the form that adds one. */
export function DraftValueList({
  values,
  selected,
  onSelect: setSelected,
  update,
  nameOf,
  valuesWithProblems,
}: DraftValueListProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <nav aria-labelledby="draft-values-title">
        <Title order={3} size="h5" id="draft-values-title" mb="xs">
          {t('values.editor.valuesList')}
        </Title>
        {values.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('values.editor.noValues')}
          </Text>
        ) : (
          <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {values.map((v, i) => (
              <Group
                key={v.key}
                component="li"
                justify="space-between"
                wrap="nowrap"
                gap={4}
                className={i === selected ? 'draft-value selected' : 'draft-value'}
              >
                <UnstyledButton
                  onClick={() => setSelected(i)}
                  aria-current={i === selected ? 'true' : undefined}
                  style={{ flex: 1, minWidth: 0 }}
                >
                  <Text fw={i === selected ? 700 : 500} truncate>
                    {nameOf(v)}
                    {valuesWithProblems.has(i) && (
                      <Text span c="red.9" fw={700} aria-label={t('values.editor.problemsTitle')}>
                        {' '}
                        !
                      </Text>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`values.levels.${v.level}`)} · {v.behaviours.length}
                  </Text>
                </UnstyledButton>
                <OrderButtons
                  labels={{
                    up: t('values.editor.moveUp', { name: nameOf(v) }),
                    down: t('values.editor.moveDown', { name: nameOf(v) }),
                    remove: t('values.editor.removeValue', { name: nameOf(v) }),
                  }}
                  first={i === 0}
                  last={i === values.length - 1}
                  onMove={(d) => {
                    update(moveItem(values, i, d));
                    if (selected === i) setSelected(Math.max(0, Math.min(values.length - 1, i + d)));
                  }}
                  onRemove={() => {
                    update(values.filter((_, j) => j !== i));
                    setSelected(
                      Math.max(0, selected > i || selected === values.length - 1 ? selected - 1 : selected),
                    );
                  }}
                />
              </Group>
            ))}
          </Stack>
        )}
      </nav>
      <Paper withBorder p="sm" radius="md">
        <AddValueForm
          onAdd={(name, level) => {
            update([
              ...values,
              newValue(
                name,
                level,
                values.map((v) => v.key),
              ),
            ]);
            setSelected(values.length);
          }}
        />
      </Paper>
    </Stack>
  );
}
