import { hasRole, type StaffRole } from './claims.ts';
import type { Caller } from '../db/store.ts';
import { fail, type Result } from '../result.ts';

/**
 * The role check up front, so a caller without the role hears "forbidden" before any validation
 * detail. The SQL functions check again: this only orders the answers, it is not the gate.
 */
export function forbiddenUnless(caller: Caller, roles: StaffRole[], message: string): Result<never> | null {
  if (caller.kind === 'staff' && roles.some((role) => hasRole(caller.claims, role))) return null;
  return fail({ code: 'forbidden', message });
}
