import {
  Anchor,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type {
  AppraisalCalibration,
  AppraisalCycle,
  AppraisalCycleRow,
  AppraisalStage,
  CalibrationGroup,
  CreateAppraisalCycleRequest,
} from '@wk/contracts';
import { APPRAISAL_STAGES } from '@wk/contracts';
import { appraisalDateProblem } from '@wk/domain';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { StatusBadge } from '../../components/status-badge';
import { formatDate } from '../../components/format';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, QueryState } from '../../components/states';
import { usePeople, useTeams } from '../people/people-api';
import { useValueVersions } from '../values/values-api';
import { writeCsv } from '../../lib/csv';
import { downloadText } from '../insights/insight-ui';
import { csvDialect } from '../insights/table-model';
import {
  fetchCycleAppraisals,
  useCalibration,
  useAppraisalCycle,
  useAppraisalCycleAction,
  useAppraisalCycles,
  useCreateAppraisalCycle,
  useCycleAppraisals,
  useReassign,
} from './appraisals-api';

const DATE_FIELDS = [
  'periodStart',
  'periodEnd',
  'selfReviewDue',
  'managerReviewDue',
  'conversationDue',
  'signOffDue',
] as const;

function CycleForm({ onDone }: { onDone: () => void }) {
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

/** Per team a row, per stage a column: counts only, never answers. */
function Progress({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const cycle = useAppraisalCycle(cycleId);
  return (
    <QueryState query={cycle}>
      {(c) => {
        if (!c.progress.length) return <Text size="sm">{t('appraisals.cycles.noProgress')}</Text>;
        const teams = [...new Map(c.progress.map((p) => [p.teamId ?? '', p.teamName])).entries()];
        const count = (teamId: string, stage: AppraisalStage) =>
          c.progress.find((p) => (p.teamId ?? '') === teamId && p.stage === stage)?.count ?? 0;
        return (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Caption>{t('appraisals.cycles.progress')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('appraisals.team')}</Table.Th>
                  {APPRAISAL_STAGES.map((s) => (
                    <Table.Th key={s}>{t(`appraisals.stage.${s}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {teams.map(([teamId, teamName]) => (
                  <Table.Tr key={teamId}>
                    <Table.Th scope="row">{teamName ?? t('appraisals.cycles.noTeam')}</Table.Th>
                    {APPRAISAL_STAGES.map((s) => (
                      <Table.Td key={s}>{count(teamId, s)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        );
      }}
    </QueryState>
  );
}

type AttentionFilter = 'all' | 'reviewer' | 'team';

/** Gives one flagged appraisal another reviewer: the suggestion first, else anyone who may review. */
function ReassignRow({ row }: { row: AppraisalCycleRow }) {
  const { t } = useTranslation();
  const reassign = useReassign();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const people = usePeople({ q: q || undefined, status: 'active', offset: 0, limit: 50 });
  const [reviewerId, setReviewerId] = useState<string | null>(row.suggestedReviewer?.id ?? null);
  // The chosen person stays an option while the search (its label) finds nobody else.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = new Map<string, string>();
  if (chosen) options.set(chosen.value, chosen.label);
  if (row.suggestedReviewer)
    options.set(
      row.suggestedReviewer.id,
      t('appraisals.cycles.suggested', { name: row.suggestedReviewer.name }),
    );
  for (const p of people.data?.items ?? [])
    if (p.role !== 'employee' && p.id !== row.employeeId && !options.has(p.id))
      options.set(p.id, `${p.name} (${p.email})`);
  const issue = row.reviewerIssue;
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/appraisals/${row.id}`} fw={700} size="sm">
            {row.employeeName}
          </Anchor>
          {issue && <StatusBadge color="red">{t(`appraisals.cycles.issue.${issue}`)}</StatusBadge>}
          {row.teamChanged && (
            <StatusBadge color="orange">{t('appraisals.cycles.teamChangedBadge')}</StatusBadge>
          )}
        </Group>
        <Text size="sm">
          {t('appraisals.reviewer')}: {row.reviewerName ?? t('appraisals.noReviewer')} ·{' '}
          {t(`appraisals.stage.${row.stage}`)}
          {row.teamChanged &&
            ` · ${t('appraisals.cycles.teamMove', {
              from: row.teamName ?? t('appraisals.cycles.noTeam'),
              to: row.currentTeamName ?? t('appraisals.cycles.noTeam'),
            })}`}
        </Text>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={t('appraisals.cycles.newReviewer', { name: row.employeeName })}
            data={[...options].map(([value, label]) => ({ value, label }))}
            value={reviewerId}
            onChange={(value, option) => {
              setReviewerId(value);
              setChosen(value ? { value, label: option.label } : null);
            }}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={people.isFetching ? '…' : t('appraisals.cycles.noReviewers')}
            w={{ base: '100%', sm: 320 }}
          />
          <Button
            variant="default"
            disabled={!reviewerId || reviewerId === row.reviewerId}
            loading={reassign.isPending}
            onClick={() => reviewerId && reassign.mutate({ id: row.id, reviewerId })}
          >
            {t('appraisals.cycles.reassign')}
          </Button>
        </Group>
        {reassign.isError && <ErrorState error={reassign.error} />}
      </Stack>
    </Paper>
  );
}

/**
 * Appraisals not signed yet whose reviewer cannot review (none, left or deactivated, no longer a
 * reviewer) or whose employee changed team since opening: HR reassigns here.
 */
function NeedsAttention({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const query = useCycleAppraisals(cycleId);
  const [filter, setFilter] = useState<AttentionFilter>('all');
  return (
    <QueryState query={query}>
      {(rows) => {
        const open = rows.filter((r) => r.stage !== 'signed' && r.stage !== 'closed');
        // A move counts until the reviewer is the one today's team tree suggests (or HR chose another).
        const moved = (r: AppraisalCycleRow) =>
          r.teamChanged && (r.suggestedReviewer === null || r.suggestedReviewer.id !== r.reviewerId);
        const flagged = open.filter((r) => r.reviewerIssue !== null || moved(r));
        const shown = flagged.filter((r) =>
          filter === 'reviewer' ? r.reviewerIssue !== null : filter === 'team' ? moved(r) : true,
        );
        return (
          <Stack gap="xs" component="section" aria-labelledby={`attention-${cycleId}`}>
            <Title order={3} size="h5" id={`attention-${cycleId}`}>
              {t('appraisals.cycles.attention', { count: flagged.length })}
            </Title>
            {flagged.length === 0 ? (
              <Text size="sm">{t('appraisals.cycles.attentionNone')}</Text>
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  {t('appraisals.cycles.attentionIntro')}
                </Text>
                <SegmentedControl
                  aria-label={t('appraisals.cycles.attentionFilter')}
                  value={filter}
                  onChange={(v) => setFilter(v as AttentionFilter)}
                  data={[
                    { value: 'all', label: t('appraisals.cycles.filterAll') },
                    { value: 'reviewer', label: t('appraisals.cycles.filterReviewer') },
                    { value: 'team', label: t('appraisals.cycles.filterTeam') },
                  ]}
                  fullWidth
                  style={{ maxWidth: 560 }}
                />
                {shown.length === 0 ? (
                  <Text size="sm">{t('appraisals.cycles.attentionNoneFiltered')}</Text>
                ) : (
                  <Stack gap="xs" component="ul" p={0} m={0}>
                    {shown.map((r) => (
                      <ReassignRow key={`${r.id}-${r.reviewerId ?? ''}`} row={r} />
                    ))}
                  </Stack>
                )}
              </>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

function CalibrationTable({
  caption,
  groups,
  data,
}: {
  caption: string;
  groups: CalibrationGroup[];
  data: AppraisalCalibration;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    maximumFractionDigits: 1,
  });
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('appraisals.cycles.group')}</Table.Th>
            <Table.Th>n</Table.Th>
            {data.values.map((v) => (
              <Table.Th key={v.id}>{v.name}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.id ?? ''}>
              <Table.Th scope="row">{g.name ?? t('appraisals.cycles.noTeam')}</Table.Th>
              <Table.Td>{g.n}</Table.Td>
              {data.values.map((v) => {
                const cell = g.perValue.find((p) => p.valueId === v.id);
                return (
                  <Table.Td key={v.id}>
                    {g.suppressed || !cell
                      ? t('appraisals.cycles.tooFew', { n: g.n })
                      : `${cell.mean === null ? '–' : number.format(cell.mean)} · ${t('appraisals.cycles.distribution', { d: cell.distribution.join('/') })}`}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Calibration({ cycleId }: { cycleId: string }) {
  const { t, i18n } = useTranslation();
  const query = useCalibration(cycleId, true, i18n.language === 'en' ? 'en' : 'nl');
  return (
    <QueryState query={query}>
      {(data) => (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('appraisals.cycles.calibrationIntro', { min: data.anonymityMinimum })}
          </Text>
          <CalibrationTable caption={t('appraisals.cycles.byTeam')} groups={data.teams} data={data} />
          <CalibrationTable caption={t('appraisals.cycles.byReviewer')} groups={data.reviewers} data={data} />
        </Stack>
      )}
    </QueryState>
  );
}

function CycleCard({ cycle }: { cycle: AppraisalCycle }) {
  const { t } = useTranslation();
  const { i18n } = useTranslation();
  const action = useAppraisalCycleAction();
  const [calibrating, setCalibrating] = useState(false);
  const [csvError, setCsvError] = useState<unknown>(null);
  // Names, team, reviewer, stage and deadline; never answers.
  const downloadCsv = async () => {
    setCsvError(null);
    try {
      const rows = await fetchCycleAppraisals(cycle.id);
      const header = [
        t('appraisals.employee'),
        t('appraisals.team'),
        t('appraisals.reviewer'),
        t('appraisals.stageLabel'),
        t('appraisals.due'),
      ];
      const text = writeCsv(
        [
          header,
          ...rows.map((a) => [
            a.employeeName,
            a.teamName,
            a.reviewerName,
            t(`appraisals.stage.${a.stage}`),
            a.dueDate,
          ]),
        ],
        csvDialect(i18n.language),
      );
      downloadText(`${t('appraisals.cycles.csvFile')}-${cycle.name}.csv`, text);
    } catch (error) {
      setCsvError(error);
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {cycle.name}
          </Title>
          <StatusBadge color="blue">{t(`appraisals.cycles.status.${cycle.status}`)}</StatusBadge>
        </Group>
        <Text size="sm" c="dimmed">
          {formatDate(cycle.periodStart)} – {formatDate(cycle.periodEnd)} ·{' '}
          {t('appraisals.cycles.versionOption', { number: cycle.valuesVersionNumber })} ·{' '}
          {t('appraisals.cycles.appraisals', { count: cycle.appraisals })}
        </Text>
        <Text size="sm">
          {t('appraisals.cycles.selfReviewDue')}: {formatDate(cycle.selfReviewDue)} ·{' '}
          {t('appraisals.cycles.managerReviewDue')}: {formatDate(cycle.managerReviewDue)} ·{' '}
          {t('appraisals.cycles.conversationDue')}: {formatDate(cycle.conversationDue)} ·{' '}
          {t('appraisals.cycles.signOffDue')}: {formatDate(cycle.signOffDue)}
        </Text>
        {cycle.status !== 'draft' && <Progress cycleId={cycle.id} />}
        {cycle.status === 'open' && <NeedsAttention cycleId={cycle.id} />}
        {calibrating && <Calibration cycleId={cycle.id} />}
        {action.isError && <ErrorState error={action.error} />}
        {csvError !== null && <ErrorState error={csvError} />}
        <Group>
          {cycle.status !== 'closed' && (
            <Button
              variant={cycle.status === 'draft' ? 'filled' : 'default'}
              loading={action.isPending}
              onClick={() => action.mutate({ id: cycle.id, action: 'open' })}
            >
              {t('appraisals.cycles.openCycle')}
            </Button>
          )}
          {cycle.status !== 'draft' && (
            <>
              <Button
                variant="default"
                onClick={() => setCalibrating(!calibrating)}
                aria-expanded={calibrating}
              >
                {calibrating
                  ? t('appraisals.cycles.hideCalibration')
                  : t('appraisals.cycles.showCalibration')}
              </Button>
              <Button variant="default" onClick={() => void downloadCsv()}>
                {t('appraisals.cycles.csv')}
              </Button>
            </>
          )}
          {cycle.status === 'open' && (
            <Button
              variant="default"
              color="red"
              onClick={() => action.mutate({ id: cycle.id, action: 'close' })}
            >
              {t('appraisals.cycles.closeCycle')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** HR: appraisal cycles, opening them, and their progress per team and stage. */
export function AppraisalCyclesPage() {
  const { t } = useTranslation();
  const cycles = useAppraisalCycles();
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('appraisals.navCycles')}
      intro={t('appraisals.cycles.intro')}
      actions={!creating && <Button onClick={() => setCreating(true)}>{t('appraisals.cycles.new')}</Button>}
    >
      <Stack gap="md">
        {creating && <CycleForm onDone={() => setCreating(false)} />}
        <QueryState query={cycles}>
          {(list) =>
            list.length ? (
              list.map((c) => <CycleCard key={c.id} cycle={c} />)
            ) : (
              <EmptyState>{t('appraisals.cycles.none')}</EmptyState>
            )
          }
        </QueryState>
      </Stack>
    </Page>
  );
}
