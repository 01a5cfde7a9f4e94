import { Injectable } from '@nestjs/common';
import { effectiveMinimum, selfScore } from '@wk/domain';
import type { MyAssessments, MyRound } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { EmployeeCellsService } from '../insights/employee-cells.service';
import { RoundsService } from './rounds.service';
import { SelfAssessmentRepository } from './self-assessment.repository';

/**
 * An employee's own history: their answers and scores per round, and their team's average per
 * value where the dashboard publishes it (closed round, at least the minimum of scored respondents).
 */
@Injectable()
export class MyAssessmentsService {
  constructor(
    private readonly repository: SelfAssessmentRepository,
    private readonly rounds: RoundsService,
    private readonly employees: EmployeeCellsService,
  ) {}

  async history(auth: AuthContext): Promise<MyAssessments> {
    const me = await this.repository.person(auth.organisationId, auth.userId);
    const minimum = effectiveMinimum(me.anonymity_minimum);
    const rounds = await this.repository.myRounds(auth.organisationId, auth.userId);
    if (!rounds.length) return { anonymityMinimum: minimum, rounds: [] };
    const versionIds = [...new Set(rounds.map((r) => r.values_version_id))];
    const values = await this.repository.versionValues(auth.organisationId, versionIds);
    const answers = await this.repository.answersOf(
      auth.organisationId,
      rounds.map((r) => r.invitation_id),
    );
    // My team's average is the dashboard's cell of my team (with its sub-teams) in that round: closed
    // rounds only, people with a scored answer, and only where the organisation-wide pattern publishes it.
    const roundIds = rounds.map((r) => r.round_id);
    const cells = me.team_id
      ? await this.employees.cells(
          auth.organisationId,
          minimum,
          {
            read: roundIds,
            window: {
              organisationId: auth.organisationId,
              first: '0001-01-01',
              afterLast: '9999-12-01',
              ids: roundIds,
            },
            bucket: (id) => id,
            kind: 'round',
          },
          'value',
        )
      : null;
    return {
      anonymityMinimum: minimum,
      rounds: rounds.map((r): MyRound => {
        const mine = answers.filter((a) => a.invitation_id === r.invitation_id);
        return {
          roundId: r.round_id,
          cycleName: r.cycle_name,
          opensAt: r.opens_at.toISOString(),
          closesAt: r.closes_at.toISOString(),
          closed: r.closed,
          completedAt: r.completed_at?.toISOString() ?? null,
          formPath: r.closed ? null : `/self-assessment/${this.rounds.tokenFor(r.invitation_id)}`,
          values: values
            .filter((v) => v.version_id === r.values_version_id)
            .map((v) => {
              const cell = cells?.get(r.round_id, me.team_id, v.key);
              const shown = cell && !cell.reason ? cell.sums : null;
              return {
                key: v.key,
                nameNl: v.name_nl,
                nameEn: v.name_en,
                myScore: selfScore(mine.filter((a) => a.value_key === v.key).map((a) => a.level)),
                teamAverage: shown ? shown.sum / shown.n : null,
                teamRespondents: shown?.n ?? 0,
              };
            }),
          answers: mine.map((a) => ({
            behaviourId: a.behaviour_id,
            valueKey: a.value_key,
            textNl: a.text_nl,
            textEn: a.text_en,
            level: a.level,
          })),
        };
      }),
    };
  }
}
