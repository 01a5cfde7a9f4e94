import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { effectiveMinimum, localized, mayShowAggregate } from '@wk/domain';
import type { Locale } from '@wk/domain';
import type { AppraisalContext, AppraisalRecognition } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { readCustomer } from '../insights/kpi-queries';
import { addInto, customerStat, emptyCustomer, type CustomerSums } from '../insights/kpi-stats';
import { AppraisalContextRepository } from './appraisal-context.repository';
import { AppraisalsService } from './appraisals.service';

/** `YYYY-MM-01` of a date, and of the month after it. */
const monthOf = (date: string) => `${date.slice(0, 7)}-01`;
function monthAfter(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The customer side beside the conversation: per value, the recognition of the journeys and
 * touchpoints the employee's current team (with sub-teams) served in the cycle's period, read from
 * the insights rollups with the insights scoring. A journey or touchpoint with fewer grades than
 * the anonymity minimum is left out (only counted), never shown.
 */
@Injectable()
export class AppraisalContextService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: AppraisalContextRepository,
    private readonly appraisals: AppraisalsService,
  ) {}

  async context(auth: AuthContext, id: string, locale: Locale = 'nl'): Promise<AppraisalContext> {
    const org = auth.organisationId;
    const { a } = await this.appraisals.load(auth, id);
    const [{ anonymity_minimum: setting }, valueRows] = await Promise.all([
      this.repo.organisation(org),
      this.repo.values(org, a.values_version_id),
    ]);
    const values = [...new Map(valueRows.map((v) => [v.value_id, v.value_key])).entries()];
    const teamId = a.current_team_id;
    const result: AppraisalContext = {
      teamId,
      teamName: a.current_team_name,
      from: a.period_start.slice(0, 7),
      to: a.period_end.slice(0, 7),
      minimum: effectiveMinimum(setting),
      values: values.map(([valueId, valueKey]) => ({
        valueId,
        valueKey,
        journeys: [],
        touchpoints: [],
        hidden: 0,
      })),
    };
    if (!teamId) return result;
    const window = {
      organisationId: org,
      first: monthOf(a.period_start),
      afterLast: monthAfter(a.period_end),
      ids: null,
    };
    const team = { roots: [teamId], restrict: true, byRoot: false };
    const [journeyRows, touchpointRows, names] = await Promise.all([
      readCustomer(this.db.manager, window, team, {}, 'journey'),
      readCustomer(this.db.manager, window, team, {}, 'touchpoint'),
      this.repo.journeyNames(org),
    ]);
    // The months of the period summed per journey or touchpoint and value (rollups are additive).
    const sum = (rows: typeof journeyRows) => {
      const out = new Map<string, CustomerSums>();
      for (const r of rows) {
        if (!r.group) continue;
        const key = `${r.group}|${r.key}`;
        out.set(key, addInto(out.get(key) ?? emptyCustomer(), r.sums));
      }
      return out;
    };
    const journeySums = sum(journeyRows);
    const touchpointSums = sum(touchpointRows);
    const journeyName = new Map(names.journeys.map((j) => [j.id, j]));
    for (const value of result.values) {
      const cell = (sums: CustomerSums | undefined): Omit<AppraisalRecognition, 'id' | 'name'> | null => {
        if (!sums || sums.n === 0) return null;
        const stat = customerStat(sums);
        if (!mayShowAggregate(sums.n, setting) || stat.grade.mean === null || stat.index === null) {
          value.hidden += 1;
          return null;
        }
        return { n: sums.n, mean: stat.grade.mean, index: stat.index };
      };
      for (const j of [...names.journeys].sort((x, y) => x.position - y.position)) {
        const shown = cell(journeySums.get(`${j.id}|${value.valueKey}`));
        if (shown) value.journeys.push({ id: j.id, name: localized(j.name, j.name_en, locale), ...shown });
      }
      const touchpoints = [...names.touchpoints].sort(
        (x, y) =>
          (journeyName.get(x.journey_id)?.position ?? 0) - (journeyName.get(y.journey_id)?.position ?? 0) ||
          x.position - y.position,
      );
      for (const t of touchpoints) {
        const shown = cell(touchpointSums.get(`${t.id}|${value.valueKey}`));
        if (shown)
          value.touchpoints.push({
            id: t.id,
            name: localized(t.name, t.name_en, locale),
            journeyName: localized(
              journeyName.get(t.journey_id)?.name ?? '',
              journeyName.get(t.journey_id)?.name_en,
              locale,
            ),
            ...shown,
          });
      }
    }
    return result;
  }
}
