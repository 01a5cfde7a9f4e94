import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CreateAppraisalCycleRequest } from '@wk/contracts';
import { appraisalDateProblem } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { showApiErrorsIn } from '../../components/api-form';
import { ErrorState } from '../../components/states';
import { useTeams } from '../people/people-api';
import { useValueVersions } from '../values/values-api';
import { useCreateAppraisalCycle } from './appraisals-api';

const DATE_FIELDS = [
  'periodStart',
  'periodEnd',
  'selfReviewDue',
  'managerReviewDue',
  'conversationDue',
  'signOffDue',
] as const;
type DateField = (typeof DATE_FIELDS)[number];

/** HR starts a new appraisal cycle: its dates, teams, values version and own questions. */
export function CycleForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const versions = useValueVersions();
  const create = useCreateAppraisalCycle();
  const form = useForm({
    initialValues: {
      name: '',
      ...(Object.fromEntries(DATE_FIELDS.map((f) => [f, ''])) as Record<DateField, string>),
      teamIds: [] as string[],
      valuesVersionId: null as string | null,
      questions: '',
      agreementsSection: true,
    },
  });
  const values = form.values;
  const published = (versions.data ?? []).filter((v) => v.status === 'published');
  const complete = DATE_FIELDS.every((f) => values[f]);
  // The same ordering rule the api applies, shown at the field as soon as the dates are there.
  const problem = complete ? appraisalDateProblem(values) : null;
  const dateError = (field: DateField) =>
    problem?.field === field ? t('appraisals.cycles.dateOrder') : form.errors[field];
  const submit = form.onSubmit(({ questions, valuesVersionId, ...rest }) => {
    const body: CreateAppraisalCycleRequest = {
      ...rest,
      valuesVersionId: valuesVersionId ?? '',
      questions: questions
        .split('\n')
        .map((q) => q.trim())
        .filter(Boolean),
    };
    create.mutate(body, { onSuccess: onDone, onError: showApiErrorsIn(form) });
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('appraisals.cycles.new')}
        </Title>
        <TextInput
          label={t('appraisals.cycles.name')}
          required
          maxLength={120}
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {DATE_FIELDS.map((field) => (
            <TextInput
              key={field}
              type="date"
              required
              label={t(`appraisals.cycles.${field}`)}
              {...form.getInputProps(field)}
              error={dateError(field)}
            />
          ))}
        </SimpleGrid>
        <MultiSelect
          label={t('appraisals.cycles.teams')}
          description={t('appraisals.cycles.teamsHint')}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          {...form.getInputProps('teamIds')}
          searchable
        />
        <Select
          label={t('appraisals.cycles.version')}
          required
          data={published.map((v) => ({
            value: v.id,
            label: t('appraisals.cycles.versionOption', { number: v.number }),
          }))}
          {...form.getInputProps('valuesVersionId')}
        />
        <Textarea
          label={t('appraisals.cycles.questions')}
          autosize
          minRows={2}
          {...form.getInputProps('questions')}
        />
        <Checkbox
          label={t('appraisals.cycles.agreementsSection')}
          {...form.getInputProps('agreementsSection', { type: 'checkbox' })}
        />
        {create.isError && <ErrorState error={create.error} />}
        <Group>
          <Button
            onClick={() => submit()}
            loading={create.isPending}
            disabled={!values.name || !complete || !values.valuesVersionId || !!problem}
          >
            {t('appraisals.cycles.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
