import { Injectable } from '@nestjs/common';
import type { AppraisalCalibration, CalibrationGroup, ManagerPerspective } from '@wk/contracts';
import { effectiveMinimum, localized, mayShowAggregate, selfIndex } from '@wk/domain';
import type { Locale } from '@wk/domain';
import type { AuthContext } from '../auth/authenticated.decorator';
import { notFound } from '../common/domain-error';
import { AppraisalCalibrationRepository, RatingCountRow } from './appraisal-calibration.repository';
import { AppraisalContextRepository } from './appraisal-context.repository';
import { AppraisalCyclesRepository } from './appraisal-cycles.repository';

/**
 * Manager ratings as aggregates: HR's calibration of a cycle and the managers' perspective on a
 * value. A group below the anonymity minimum shows its size only, never its ratings.
 */
@Injectable()
export class AppraisalCalibrationService {
  constructor(
    private readonly ratings: AppraisalCalibrationRepository,
    private readonly cycles: AppraisalCyclesRepository,
    private readonly context: AppraisalContextRepository,
  ) {}

  /** The distribution of manager ratings per value, per team and per reviewer. */
  async calibration(auth: AuthContext, id: string, locale: Locale = 'nl'): Promise<AppraisalCalibration> {
    const cycle = await this.cycles.cycle(auth.organisationId, id);
    if (!cycle) throw notFound('Appraisal cycle');
    const setting = (await this.context.organisation(auth.organisationId)).anonymity_minimum;
    const values = [
      ...new Map(
        (await this.context.values(auth.organisationId, cycle.values_version_id)).map((v) => [
          v.value_id,
          localized(v.value_name_nl, v.value_name_en, locale),
        ]),
      ),
    ].map(([valueId, name]) => ({ id: valueId, name }));
    const groups = async (by: 'team' | 'reviewer') =>
      toGroups(await this.ratings.managerRatingCounts(auth.organisationId, id, by), values, setting);
    return {
      anonymityMinimum: effectiveMinimum(setting),
      values,
      teams: await groups('team'),
      reviewers: await groups('reviewer'),
    };
  }

  /**
   * The managers' view of a value over the whole organisation (an aggregate, never per person or
   * team), for the value detail beside self and customer; below the anonymity minimum only its size.
   */
  async managerPerspective(auth: AuthContext, valueKey: string): Promise<ManagerPerspective> {
    const setting = (await this.context.organisation(auth.organisationId)).anonymity_minimum;
    const rows = await this.ratings.managerRatingsOfValue(auth.organisationId, valueKey);
    return {
      valueKey,
      minimum: effectiveMinimum(setting),
      cycles: rows.map((r) => {
        const shown = mayShowAggregate(r.n, setting);
        return {
          cycleId: r.cycle_id,
          cycleName: r.cycle_name,
          periodEnd: r.period_end,
          n: r.n,
          suppressed: !shown,
          mean: shown ? r.mean : null,
          index: shown ? selfIndex(r.mean) : null,
        };
      }),
    };
  }
}

/** The groups' level distributions and means per value; a suppressed group keeps only its size. */
function toGroups(rows: RatingCountRow[], values: { id: string }[], setting: number): CalibrationGroup[] {
  const result = new Map<string, CalibrationGroup>();
  for (const r of rows) {
    const key = r.group_id ?? '';
    let group = result.get(key);
    if (!group) {
      const suppressed = !mayShowAggregate(r.n, setting);
      group = {
        id: r.group_id,
        name: r.group_name,
        n: r.n,
        suppressed,
        perValue: suppressed
          ? []
          : values.map((v) => ({ valueId: v.id, mean: null, distribution: [0, 0, 0, 0] })),
      };
      result.set(key, group);
    }
    const cell = group.perValue.find((p) => p.valueId === r.value_id);
    if (cell && r.level) cell.distribution[r.level - 1] += r.count;
  }
  for (const group of result.values())
    for (const cell of group.perValue) {
      const total = cell.distribution.reduce((a, b) => a + b, 0);
      cell.mean = total ? cell.distribution.reduce((sum, c, i) => sum + c * (i + 1), 0) / total : null;
    }
  return [...result.values()];
}
