import { hasRole } from '../../auth/claims.ts';
import type { StaffSession } from '../../auth/session.ts';
import type { Caller } from '../../db/store.ts';
import { PUBLISHERS } from './roles.ts';

/** Whether a staff page may show the communications tools, and the caller its reads run as. */
export function publisherAccess(session: StaffSession | null): { allowed: boolean; caller: Caller | null } {
  if (!session) return { allowed: false, caller: null };
  const allowed = PUBLISHERS.some((role) => hasRole(session.claims, role));
  return { allowed, caller: allowed ? { kind: 'staff', claims: session.claims, token: session.token } : null };
}
