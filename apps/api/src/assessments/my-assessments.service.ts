import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { effectiveMinimum, selfScore } from '@wk/domain';
import type { SelfLevel } from '@wk/domain';
import type { MyAssessments, MyRound } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { EmployeeCellsService } from '../insights/employee-cells.service';
import { RoundsService } from './rounds.service';

interface RoundRow {
  invitation_id: string;
  round_id: string;
  cycle_name: string;
  opens_at: Date;
  closes_at: Date;
  closed: boolean;
  completed_at: Date | null;
  values_version_id: string;
}

/**
 * An employee's own history: their answers and scores per round, and their team's average per
 * value where the dashboard publishes it (closed round, at least the minimum of scored respondents).
 */
@Injectable()
export class MyAssessmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rounds: RoundsService,
    private readonly employees: EmployeeCellsService,
  ) {}

  async history(auth: AuthContext): Promise<MyAssessments> {
    const [me] = await this.db.query(
      `SELECT u.team_id, o.anonymity_minimum FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.organisation_id = $1 AND u.id = $2`,
      [auth.organisationId, auth.userId],
    );
    const minimum = effectiveMinimum(me.anonymity_minimum);
    const rounds: RoundRow[] = await this.db.query(
      `SELECT i.id AS invitation_id, r.id AS round_id, c.name AS cycle_name, r.opens_at, r.closes_at,
              (r.closed_at IS NOT NULL OR r.closes_at <= now()) AS closed, i.completed_at, r.values_version_id
         FROM assessment_invitations i
         JOIN assessment_rounds r ON r.id = i.round_id
         JOIN assessment_cycles c ON c.id = r.cycle_id
        WHERE i.organisation_id = $1 AND i.user_id = $2
        ORDER BY r.opens_at`,
      [auth.organisationId, auth.userId],
    );
    if (!rounds.length) return { anonymityMinimum: minimum, rounds: [] };
    const versionIds = [...new Set(rounds.map((r) => r.values_version_id))];
    const values: { version_id: string; key: string; name_nl: string; name_en: string }[] =
      await this.db.query(
        `SELECT version_id, key, name_nl, name_en FROM experience_values
        WHERE organisation_id = $1 AND version_id = ANY($2::uuid[]) ORDER BY position`,
        [auth.organisationId, versionIds],
      );
    const answers: {
      invitation_id: string;
      behaviour_id: string;
      value_key: string;
      text_nl: string;
      text_en: string;
      level: SelfLevel | null;
    }[] = await this.db.query(
      `SELECT a.invitation_id, b.id AS behaviour_id, e.key AS value_key, b.text_nl, b.text_en, a.level
         FROM assessment_answers a
         JOIN value_behaviours b ON b.id = a.behaviour_id
         JOIN experience_values e ON e.id = b.value_id
        WHERE a.organisation_id = $1 AND a.invitation_id = ANY($2::uuid[])
        ORDER BY e.position, b.position`,
      [auth.organisationId, rounds.map((r) => r.invitation_id)],
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
