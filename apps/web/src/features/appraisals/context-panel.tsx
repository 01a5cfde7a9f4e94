import { Button, Group, Paper, Select, Table, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { APPRAISAL_LIMITS, FOLLOW_UP_STATUSES } from '@wk/contracts';
import type { Appraisal, AppraisalReview, FollowUpStatus } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { ErrorState, QueryState, SuccessNote } from '../../components/states';
import { useKpis } from '../insights/insights-api';
import { formatNumber, numberLocale } from '../../lib/number-format';
import { useAppraisalContext, useSaveFollowUp } from './appraisals-api';

/* Beside the conversation: the team's figures, customer recognition and last cycle's agreements with their follow-up. */

const mean = (review: AppraisalReview | null, behaviourIds: string[]) => {
  const levels = (review?.ratings ?? [])
    .filter((r) => behaviourIds.includes(r.behaviourId) && r.level !== null)
    .map((r) => r.level as number);
  return levels.length ? levels.reduce((x, y) => x + y, 0) / levels.length : null;
};

const monthLabel = (month: string, lang: string) =>
  new Intl.DateTimeFormat(numberLocale(lang), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );

/**
 * Per value, how customers recognised it in the journeys and touchpoints the employee's current
 * team served in the cycle's period (the api leaves out anything below the anonymity minimum).
 */
function TeamRecognition({ a }: { a: Appraisal }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query = useAppraisalContext(a.id, lang === 'en' ? 'en' : 'nl');
  return (
    <Stack gap="xs" component="section" aria-labelledby={`recognition-${a.id}`}>
      <Title order={3} size="h5" id={`recognition-${a.id}`}>
        {t('appraisals.context.recognitionTitle')}
      </Title>
      <QueryState query={query}>
        {(c) =>
          !c.teamId ? (
            <Text size="sm">{t('appraisals.context.noTeam')}</Text>
          ) : (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('appraisals.context.recognitionIntro', {
                  team: c.teamName,
                  from: monthLabel(c.from, lang),
                  to: monthLabel(c.to, lang),
                  min: c.minimum,
                })}
              </Text>
              {a.values.map((v) => {
                const cell = c.values.find((x) => x.valueId === v.id);
                const rows = [
                  ...(cell?.journeys ?? []).map((j) => ({ ...j, label: j.name })),
                  ...(cell?.touchpoints ?? []).map((p) => ({ ...p, label: `${p.journeyName} · ${p.name}` })),
                ];
                return (
                  <Stack gap={4} key={v.id}>
                    <Text size="sm" fw={700}>
                      {v.name}
                    </Text>
                    {rows.length ? (
                      <Table.ScrollContainer minWidth={300}>
                        <Table>
                          <Table.Caption>
                            {t('appraisals.context.recognitionOf', { value: v.name })}
                          </Table.Caption>
                          <Table.Thead>
                            <Table.Tr>
                              <Table.Th>{t('appraisals.context.journeyOrTouchpoint')}</Table.Th>
                              <Table.Th>{t('appraisals.context.grade')}</Table.Th>
                              <Table.Th>n</Table.Th>
                            </Table.Tr>
                          </Table.Thead>
                          <Table.Tbody>
                            {rows.map((r) => (
                              <Table.Tr key={r.id}>
                                <Table.Th scope="row" fw={r.journeyName === undefined ? 700 : 400}>
                                  {r.label}
                                </Table.Th>
                                <Table.Td>{formatNumber(r.mean, 'grade', lang)}</Table.Td>
                                <Table.Td>{formatNumber(r.n, 'count', lang)}</Table.Td>
                              </Table.Tr>
                            ))}
                          </Table.Tbody>
                        </Table>
                      </Table.ScrollContainer>
                    ) : (
                      <Text size="sm">{t('appraisals.context.recognitionNone')}</Text>
                    )}
                    {(cell?.hidden ?? 0) > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('appraisals.context.recognitionHidden', { count: cell?.hidden, min: c.minimum })}
                      </Text>
                    )}
                  </Stack>
                );
              })}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

type PreviousAgreementRow = Appraisal['previousAgreements'][number];

/**
 * One of last cycle's agreements with its follow-up: the reviewer and HR record it while the
 * appraisal is not signed; the employee (and anyone after signing) reads it.
 */
function PreviousAgreement({ a, g }: { a: Appraisal; g: PreviousAgreementRow }) {
  const { t } = useTranslation();
  const save = useSaveFollowUp(a.id);
  const form = useForm({
    initialValues: {
      status: (g.followUp?.status ?? null) as FollowUpStatus | null,
      note: g.followUp?.note ?? '',
    },
  });
  const frozen = a.stage === 'signed' || a.stage === 'closed';
  const canEdit = (a.viewerRole === 'reviewer' || a.viewerRole === 'hr') && !frozen;
  const statusOptions = FOLLOW_UP_STATUSES.map((s) => ({
    value: s,
    label: t(`appraisals.followUp.status.${s}`),
  }));
  return (
    <Paper withBorder p="xs">
      <Stack gap={6}>
        <Text size="sm">
          <strong>{g.valueName ?? t('appraisals.general')}</strong>: {g.what}
          {g.support ? ` (${t('appraisals.support')}: ${g.support})` : ''}
          {g.dueDate ? ` · ${t('appraisals.byWhen')} ${formatDate(g.dueDate)}` : ''}
        </Text>
        {canEdit ? (
          <form
            onSubmit={form.onSubmit(({ status, note }) => {
              if (status) save.mutate({ agreementId: g.id, status, note });
            })}
          >
            <Stack gap={6}>
              <Select
                label={t('appraisals.followUp.label')}
                placeholder={t('appraisals.followUp.choose')}
                data={statusOptions}
                {...form.getInputProps('status')}
                allowDeselect={false}
              />
              <Textarea
                label={t('appraisals.followUp.note')}
                maxLength={APPRAISAL_LIMITS.followUpNoteMax}
                autosize
                minRows={1}
                {...form.getInputProps('note')}
              />
              <Group gap="xs">
                <Button type="submit" size="xs" disabled={!form.values.status} loading={save.isPending}>
                  {t('appraisals.followUp.save')}
                </Button>
                {save.isSuccess && <SuccessNote>{t('appraisals.saved')}</SuccessNote>}
              </Group>
              {save.isError && <ErrorState error={save.error} />}
            </Stack>
          </form>
        ) : (
          <Text size="sm" c={g.followUp ? undefined : 'dimmed'}>
            {t('appraisals.followUp.label')}:{' '}
            {g.followUp ? (
              <>
                <strong>{t(`appraisals.followUp.status.${g.followUp.status}`)}</strong>
                {g.followUp.note ? ` — ${g.followUp.note}` : ''}
              </>
            ) : (
              t('appraisals.followUp.none')
            )}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Beside the conversation, per value: both reviews (as far as the caller may see them), the current
 * team's self index and customer grade from insights (the insights api applies scope and anonymity
 * minimum; what the caller may not see stays empty), its customer recognition per journey and
 * touchpoint, and the previous appraisal's agreements.
 */
export function ContextPanel({ a }: { a: Appraisal }) {
  const { t, i18n } = useTranslation();
  const teamId = a.currentTeamId;
  const kpis = useKpis({ period: 'quarter', teamId: teamId ?? undefined }, teamId !== null);
  // A mean level 1-4 of one review: as many digits as it has, at most one ("3", "3,5").
  const level = new Intl.NumberFormat(numberLocale(i18n.language), { maximumFractionDigits: 1 });
  const show = (n: number | null | undefined, kind: 'level' | 'index' | 'grade') =>
    n === null || n === undefined
      ? '–'
      : kind === 'level'
        ? level.format(n)
        : formatNumber(n, kind, i18n.language);
  const latest = (key: string, side: 'self' | 'customer') => {
    const rows = (kpis.data?.rows ?? []).filter((r) => r.valueKey === key);
    for (const period of [...(kpis.data?.periods ?? [])].reverse()) {
      const row = rows.find((r) => r.period === period);
      if (side === 'self' && row?.self && !row.self.suppressed && row.self.index !== null)
        return row.self.index;
      if (side === 'customer' && row?.customer && row.customer.grade.mean !== null)
        return row.customer.grade.mean;
    }
    return null;
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('appraisals.context.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('appraisals.context.intro')}
        </Text>
        {a.teamChanged && a.currentTeamName && (
          <Text size="sm">
            {t('appraisals.context.teamChanged', {
              team: a.currentTeamName,
              opening: a.teamName ?? t('appraisals.cycles.noTeam'),
            })}
          </Text>
        )}
        {/* Scrolls sideways on a phone; focusable so keyboard users can scroll it too. */}
        <div
          style={{ overflowX: 'auto' }}
          tabIndex={0}
          role="region"
          aria-label={t('appraisals.context.title')}
        >
          <Table miw={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('appraisals.agreementValue')}</Table.Th>
                <Table.Th>{t('appraisals.context.self')}</Table.Th>
                <Table.Th>{t('appraisals.context.manager')}</Table.Th>
                <Table.Th>{t('appraisals.context.teamSelf')}</Table.Th>
                <Table.Th>{t('appraisals.context.customer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.values.map((v) => {
                const ids = v.behaviours.map((b) => b.id);
                return (
                  <Table.Tr key={v.id}>
                    <Table.Th scope="row">{v.name}</Table.Th>
                    <Table.Td>{show(mean(a.selfReview, ids), 'level')}</Table.Td>
                    <Table.Td>{show(mean(a.managerReview, ids), 'level')}</Table.Td>
                    <Table.Td>{kpis.isSuccess ? show(latest(v.key, 'self'), 'index') : '–'}</Table.Td>
                    <Table.Td>{kpis.isSuccess ? show(latest(v.key, 'customer'), 'grade') : '–'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
        {(kpis.isError || teamId === null) && <Text size="sm">{t('appraisals.context.noTeam')}</Text>}
        <TeamRecognition a={a} />
        {a.previousAgreements.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('appraisals.context.previous', { cycle: a.previousAgreements[0].cycleName })}
            </Title>
            {a.previousAgreements.map((g) => (
              <PreviousAgreement key={g.id} a={a} g={g} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
