import { Alert, Button, Group, List, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ExperienceValue } from '@wk/contracts';
import { VALUE_LIMITS } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { showApiErrorsIn } from '../../components/api-form';
import { formatDateTime } from '../../components/format';
import { saveErrors } from '../../components/form-dialog';
import { QueryState, SuccessNote } from '../../components/states';
import { useSetValueTarget, useValueTargets } from './values-api';

/** For those who edit the values: the value's target from now on, and the targets it had before. */
export function ValueTargetEditor({ value }: { value: ExperienceValue }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const grade = (n: number) => n.toLocaleString(en ? 'en-GB' : 'nl-NL', { minimumFractionDigits: 1 });
  const form = useForm({ initialValues: { targetGrade: value.targetGrade as number | string } });
  const save = useSetValueTarget(value.key);
  const history = useValueTargets(value.key);
  return (
    <Stack gap="xs" component="section" aria-labelledby={`target-${value.key}`}>
      <Title order={3} size="h5" id={`target-${value.key}`}>
        {t('valueTargets.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('valueTargets.intro')}
      </Text>
      <form
        onSubmit={form.onSubmit(({ targetGrade }) =>
          save.mutate(Number(targetGrade), { onError: showApiErrorsIn(form) }),
        )}
      >
        <Group align="flex-end" gap="xs">
          <NumberInput
            label={t('valueTargets.label')}
            min={VALUE_LIMITS.targetMin}
            max={VALUE_LIMITS.targetMax}
            step={0.1}
            decimalScale={1}
            decimalSeparator={en ? '.' : ','}
            {...form.getInputProps('targetGrade')}
            w={200}
          />
          <Button type="submit" loading={save.isPending}>
            {t('valueTargets.save')}
          </Button>
        </Group>
      </form>
      {save.isSuccess && (
        <SuccessNote>{t('valueTargets.saved', { grade: grade(save.data.targetGrade) })}</SuccessNote>
      )}
      {saveErrors(save).other && (
        <Alert color="red" role="alert">
          {t('valueTargets.failed')}
        </Alert>
      )}
      <Title order={4} size="h6">
        {t('valueTargets.history')}
      </Title>
      <QueryState query={history}>
        {(changes) =>
          changes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('valueTargets.noHistory')}
            </Text>
          ) : (
            <List size="sm" spacing={2}>
              {changes.map((c) => (
                <List.Item key={`${c.source}-${c.validFrom}`}>
                  {c.source === 'version'
                    ? t('valueTargets.fromVersion', {
                        grade: grade(c.targetGrade),
                        date: formatDateTime(c.validFrom),
                      })
                    : c.setByName
                      ? t('valueTargets.fromChangeBy', {
                          grade: grade(c.targetGrade),
                          date: formatDateTime(c.validFrom),
                          name: c.setByName,
                        })
                      : t('valueTargets.fromChange', {
                          grade: grade(c.targetGrade),
                          date: formatDateTime(c.validFrom),
                        })}
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryState>
    </Stack>
  );
}
