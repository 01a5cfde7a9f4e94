import { Injectable } from '@nestjs/common';
import type { ValueTargetChange } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { notFound } from '../common/domain-error';
import { ValueTargetsRepository, type TargetChangeRow } from './value-targets.repository';

/**
 * A value's target changes without a new values version: the change holds from now on, so the
 * status of a period that ended before keeps the target it was measured against.
 */
@Injectable()
export class ValueTargetsService {
  constructor(private readonly targets: ValueTargetsRepository) {}

  async set(auth: AuthContext, key: string, targetGrade: number): Promise<ValueTargetChange> {
    if (!(await this.targets.isCurrentKey(auth.organisationId, key))) throw notFound('Value');
    return toChange(key, await this.targets.insert(auth.organisationId, key, targetGrade, auth.userId));
  }

  async history(auth: AuthContext, key: string): Promise<ValueTargetChange[]> {
    if (!(await this.targets.isKnownKey(auth.organisationId, key))) throw notFound('Value');
    return (await this.targets.history(auth.organisationId, key)).map((row) => toChange(key, row));
  }
}

const toChange = (key: string, row: TargetChangeRow): ValueTargetChange => ({
  valueKey: key,
  targetGrade: Number(row.target),
  validFrom: row.since.toISOString(),
  source: row.source,
  setByName: row.set_by_name,
});
