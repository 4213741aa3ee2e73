import type { Caller } from '../db/store.ts';
import { hasRole, type StaffRole } from './claims.ts';
import { getStaffSession, type StaffSession } from './session.ts';

type StaffCaller = Extract<Caller, { kind: 'staff' }>;

export type StaffPageAccess = {
  session: StaffSession | null;
  allowed: boolean;
  /** The caller the page's reads and writes run as; null unless allowed. */
  caller: StaffCaller | null;
  isAdmin: boolean;
  /** 401 without a session, 403 without the role, 200 otherwise: the status the page answers with. */
  status: 200 | 401 | 403;
};

/** Who opens a staff page and whether it may show its tools: one of `roles` (admin always may). */
export async function staffPageAccess(credentials: Parameters<typeof getStaffSession>[0], roles: readonly StaffRole[]): Promise<StaffPageAccess> {
  const session = await getStaffSession(credentials);
  if (!session) return { session, allowed: false, caller: null, isAdmin: false, status: 401 };
  const allowed = roles.some((role) => hasRole(session.claims, role));
  const caller: StaffCaller | null = allowed ? { kind: 'staff', claims: session.claims, token: session.token } : null;
  return { session, allowed, caller, isAdmin: hasRole(session.claims, 'admin'), status: allowed ? 200 : 403 };
}
