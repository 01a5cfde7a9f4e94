import { Stack, Table, Text } from '@mantine/core';
import type { AppraisalCalibration, AppraisalStage, CalibrationGroup } from '@wk/contracts';
import { APPRAISAL_STAGES } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/states';
import { useAppraisalCycle, useCalibration } from './appraisals-api';

/* A cycle's figures for HR: progress per team and stage, calibration per team and reviewer. */

/** Per team a row, per stage a column: counts only, never answers. */
export function Progress({ cycleId }: { cycleId: string }) {
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

/** The self and manager scores per value by team and by reviewer, small groups hidden. */
export function Calibration({ cycleId }: { cycleId: string }) {
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
