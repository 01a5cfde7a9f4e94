import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { EntityManager } from 'typeorm';
import { targetStatus, type TargetStatus } from '@wk/domain';
import { WebhookEvents } from '../webhooks/webhook-events.service';
import { KpiRollupsRepository } from './kpi-rollups.repository';
import { KpiRoundRollupsRepository } from './kpi-round-rollups.repository';
import { customerStat, emptyCustomer } from './kpi-stats';

export { NONE } from './kpi-rollups.repository';

/** Re-runs a refresh while new answers arrived during it, at most this often (the next trigger catches the rest). */
const MAX_PASSES = 5;

/** What a customer refresh did: passes run, months recomputed, responses added, and the passes' time. */
export interface CustomerRefresh {
  passes: number;
  months: number;
  responses: number;
  ms: number;
}

/**
 * Keeps the KPI rollups. Per round (self-assessments) the summary statistics are recomputed from the
 * round's raw rows. Customer responses are additive: a stored response is queued by a trigger and
 * its grades are added to the month's rollups; any other change (an update, a deletion, a grade
 * changed later) marks its month for a recompute from the raw rows, with the rebuild's statements.
 */
@Injectable()
export class KpiRollupsService {
  constructor(
    private readonly customer: KpiRollupsRepository,
    private readonly rounds: KpiRoundRollupsRepository,
    private readonly webhooks: WebhookEvents,
  ) {}

  /** A round's self scores, behaviour distribution and participation, per team. */
  async refreshRound(roundId: string): Promise<void> {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const started = await this.rounds.clock();
      await this.rounds.write(roundId);
      if (!(await this.rounds.changedSince(roundId, started))) return;
    }
  }

  /**
   * Adds the organisation's queued responses and recomputes its marked months, pass after pass while
   * more arrive. Each pass is one transaction under the organisation's lock, so a refresh taken over
   * from a worker that was only slow waits, and a queued response is added exactly once.
   */
  async refreshCustomer(organisationId: string): Promise<CustomerRefresh> {
    const done: CustomerRefresh = { passes: 0, months: 0, responses: 0, ms: 0 };
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const started = performance.now();
      const result = await this.customer.exclusively(organisationId, (m) =>
        this.customerPass(m, organisationId),
      );
      if (!result) break;
      done.passes++;
      done.months += result.months;
      done.responses += result.responses;
      done.ms += performance.now() - started;
      if (!(await this.customer.hasWork(organisationId))) break;
    }
    return done;
  }

  private async customerPass(
    m: EntityManager,
    organisationId: string,
  ): Promise<{ months: number; responses: number } | null> {
    const started = await this.customer.clock(m);
    const months = await this.customer.takeDirtyMonths(m, organisationId);
    const queued = await this.customer.hasPending(m, organisationId);
    if (!months.length && !queued) return null;
    // The current month's target status per value, before and after: a change is a webhook event
    // committed with the rollup (two small reads, only when this month may have changed).
    const current = await this.customer.currentMonth(m, organisationId);
    const before =
      queued || months.includes(current) ? await this.targetStatuses(m, organisationId, current) : null;
    for (const month of months) await this.customer.recomputeMonth(m, organisationId, month);
    const added = queued ? await this.customer.addQueued(m, organisationId, months) : { added: 0 };
    if (before)
      for (const [valueKey, status] of await this.targetStatuses(m, organisationId, current)) {
        const previousStatus = before.get(valueKey) ?? 'no_data';
        if (previousStatus !== status)
          await this.webhooks.emit(
            organisationId,
            'kpi.status_changed',
            { valueKey, period: current.slice(0, 7), previousStatus, status },
            m,
          );
      }
    await this.customer.markRefreshed(m, organisationId, started);
    return { months: months.length, responses: added.added };
  }

  /** Recomputes every rollup of an organisation (or of all) from the raw rows. */
  async rebuild(organisationId?: string): Promise<{ rounds: number; months: number }> {
    const rounds = await this.rounds.roundIds(organisationId);
    for (const round of rounds) await this.rounds.write(round);
    let months = 0;
    for (const org of await this.customer.organisationIds(organisationId))
      months += await this.customer.exclusively(org, async (m) => {
        const started = await this.customer.clock(m);
        await this.customer.clearCustomer(m, org);
        const all = await this.customer.responseMonths(m, org);
        for (const month of all) await this.customer.recomputeMonth(m, org, month);
        await this.customer.markRefreshed(m, org, started);
        return all.length;
      });
    return { rounds: rounds.length, months };
  }

  /** Each current value's customer grade for the organisation in one month against its target (as the dashboard shows it). */
  private async targetStatuses(
    m: EntityManager,
    organisationId: string,
    month: string,
  ): Promise<Map<string, TargetStatus>> {
    const rows = await this.customer.valueMonth(m, organisationId, month);
    return new Map(
      rows.map((r) => {
        const stat = customerStat({
          ...emptyCustomer(),
          n: Number(r.n ?? 0),
          sum: Number(r.sum ?? 0),
          sumsq: Number(r.sumsq ?? 0),
        });
        return [r.key, targetStatus(stat.grade.mean, Number(r.target))];
      }),
    );
  }
}
