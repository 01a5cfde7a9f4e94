import type { EntityManager } from 'typeorm';
import { EmployeeAnswersRepository } from './employee-answers.repository';
import { KpiRollupReadsRepository } from './kpi-rollup-reads.repository';

/**
 * The insights module's published rollup reads for other modules (actions, appraisals) and the
 * benchmark, which passes its own EntityManager to record the statements. They run the
 * repositories' statements (kpi-rollup-reads.repository.ts, employee-answers.repository.ts).
 */
export type {
  CustomerFilter,
  EmployeeKeyKind,
  Keyed,
  PeriodWindow,
  TeamCellRow,
  TeamGrouping,
} from './kpi-rollup-reads.repository';
export type { ClosedRound, PersonAnswerRow } from './employee-answers.repository';

type Reads = KpiRollupReadsRepository;

export const readParticipation = (m: EntityManager, ...args: Parameters<Reads['participation']>) =>
  new KpiRollupReadsRepository(m).participation(...args);

export const readCustomer = (m: EntityManager, ...args: Parameters<Reads['customer']>) =>
  new KpiRollupReadsRepository(m).customer(...args);

export const readTeamCells = (m: EntityManager, ...args: Parameters<Reads['teamCells']>) =>
  new KpiRollupReadsRepository(m).teamCells(...args);

export const readClosedRounds = (
  m: EntityManager,
  ...args: Parameters<EmployeeAnswersRepository['closedRounds']>
) => new EmployeeAnswersRepository(m).closedRounds(...args);
