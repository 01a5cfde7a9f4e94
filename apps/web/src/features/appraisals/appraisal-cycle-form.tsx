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
import type { CreateAppraisalCycleRequest } from '@wk/contracts';
import { appraisalDateProblem } from '@wk/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
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

/** HR starts a new appraisal cycle: its dates, teams, values version and own questions. */
export function CycleForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const versions = useValueVersions();
  const create = useCreateAppraisalCycle();
  const [name, setName] = useState('');
  const [dates, setDates] = useState<Record<(typeof DATE_FIELDS)[number], string>>(
    () => Object.fromEntries(DATE_FIELDS.map((f) => [f, ''])) as Record<(typeof DATE_FIELDS)[number], string>,
  );
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [versionId, setVersionId] = useState<string | null>(null);
  const [questions, setQuestions] = useState('');
  const [agreementsSection, setAgreementsSection] = useState(true);
  const published = (versions.data ?? []).filter((v) => v.status === 'published');
  const complete = DATE_FIELDS.every((f) => dates[f]);
  // The same ordering rule the api applies, shown at the field as soon as the dates are there.
  const problem = complete ? appraisalDateProblem(dates) : null;
  const serverErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const errorOf = (field: string) =>
    problem?.field === field ? t('appraisals.cycles.dateOrder') : serverErrors[field];
  const submit = () => {
    const body: CreateAppraisalCycleRequest = {
      name,
      ...dates,
      teamIds,
      valuesVersionId: versionId ?? '',
      questions: questions
        .split('\n')
        .map((q) => q.trim())
        .filter(Boolean),
      agreementsSection,
    };
    create.mutate(body, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('appraisals.cycles.new')}
        </Title>
        <TextInput
          label={t('appraisals.cycles.name')}
          required
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.currentTarget.value)}
          error={serverErrors['name']}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {DATE_FIELDS.map((field) => (
            <TextInput
              key={field}
              type="date"
              required
              label={t(`appraisals.cycles.${field}`)}
              value={dates[field]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDates((old) => ({ ...old, [field]: value }));
              }}
              error={errorOf(field)}
            />
          ))}
        </SimpleGrid>
        <MultiSelect
          label={t('appraisals.cycles.teams')}
          description={t('appraisals.cycles.teamsHint')}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={teamIds}
          onChange={setTeamIds}
          searchable
        />
        <Select
          label={t('appraisals.cycles.version')}
          required
          data={published.map((v) => ({
            value: v.id,
            label: t('appraisals.cycles.versionOption', { number: v.number }),
          }))}
          value={versionId}
          onChange={setVersionId}
          error={serverErrors['valuesVersionId']}
        />
        <Textarea
          label={t('appraisals.cycles.questions')}
          autosize
          minRows={2}
          value={questions}
          onChange={(e) => setQuestions(e.currentTarget.value)}
        />
        <Checkbox
          label={t('appraisals.cycles.agreementsSection')}
          checked={agreementsSection}
          onChange={(e) => setAgreementsSection(e.currentTarget.checked)}
        />
        {create.isError && <ErrorState error={create.error} />}
        <Group>
          <Button
            onClick={submit}
            loading={create.isPending}
            disabled={!name || !complete || !versionId || !!problem}
          >
            {t('appraisals.cycles.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
