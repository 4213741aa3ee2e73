import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import type { StaffHearing } from '../schemas.ts';
import { ACCOUNTABILITY_STAFF } from './roles.ts';

/** A hearing with every question and its sender, for moderation and answers. */
export async function getStaffHearing(slug: string, caller: Caller): Promise<Result<StaffHearing>> {
  const denied = forbiddenUnless(caller, ACCOUNTABILITY_STAFF, 'Su rol no permite gestionar la rendición de cuentas. Pida el rol de comunicaciones.');
  if (denied) return denied;
  return rpc<Result<StaffHearing>>('staff_get_hearing', { p_slug: slug }, caller);
}
