import { roleHas } from '@wk/contracts';
import type { AppraisalRole } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { notFound } from '../common/domain-error';
import type { AppraisalRow } from './appraisals.repository';

/** The caller's part in the appraisal; anyone else (another manager, employee, organisation) gets 404. */
export function roleIn(auth: AuthContext, a: AppraisalRow | null): AppraisalRole {
  if (a && a.employee_id === auth.userId) return 'employee';
  if (a && a.reviewer_id === auth.userId && roleHas(auth.role, 'appraisals.review')) return 'reviewer';
  if (a && roleHas(auth.role, 'appraisals.manage')) return 'hr';
  throw notFound('Appraisal');
}
