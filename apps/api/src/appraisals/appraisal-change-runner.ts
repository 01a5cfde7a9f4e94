import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { roleHas } from '@wk/contracts';
import type { Appraisal, AppraisalRole } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, notFound } from '../common/domain-error';
import { roleIn } from './appraisal-access';
import { AppraisalRow, AppraisalsRepository } from './appraisals.repository';
import { AppraisalsService } from './appraisals.service';

export function assertNotSigned(a: AppraisalRow) {
  if (a.stage === 'signed' || a.stage === 'closed')
    throw conflict('appraisal_signed', 'The appraisal is signed by both and can no longer change');
}

export function assertVersion(a: AppraisalRow, version: number) {
  if (a.version !== version)
    throw conflict(
      'stale_version',
      'The appraisal changed since it was loaded; reload and try again',
      'version',
    );
}

/**
 * How every change to an appraisal runs: under the row lock (two tabs or two signatures queue,
 * never half-write), only for the parts allowed (anyone else: 404), never in a cycle that is no
 * longer open; the answer is the appraisal as the caller now sees it.
 */
@Injectable()
export class AppraisalChangeRunner {
  constructor(
    private readonly appraisals: AppraisalsRepository,
    private readonly reads: AppraisalsService,
  ) {}

  async run(
    auth: AuthContext,
    id: string,
    roles: AppraisalRole[],
    work: (m: EntityManager, a: AppraisalRow, role: AppraisalRole) => Promise<void>,
  ): Promise<Appraisal> {
    await this.appraisals.transaction(async (m) => {
      const a = await this.appraisals.appraisal(auth.organisationId, id, m, true);
      const role = roleIn(auth, a);
      if (!roles.includes(role)) throw notFound('Appraisal');
      if (a!.cycle_status !== 'open') throw conflict('cycle_closed', 'The appraisal cycle is closed');
      await work(m, a!, role);
    });
    return this.reads.get(auth, id);
  }

  /** HR's changes: the appraisal's parties who are not HR get 404 as anyone else. */
  runAsHr(
    auth: AuthContext,
    id: string,
    work: (m: EntityManager, a: AppraisalRow) => Promise<void>,
  ): Promise<Appraisal> {
    return this.run(auth, id, ['hr', 'employee', 'reviewer'], async (m, a) => {
      if (!roleHas(auth.role, 'appraisals.manage')) throw notFound('Appraisal');
      await work(m, a);
    });
  }
}
