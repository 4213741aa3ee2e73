import { hasRole } from '../../auth/claims.ts';
import { getStaffSession } from '../../auth/session.ts';
import type { Caller } from '../../db/store.ts';
import { ADVISORS } from './roles.ts';

type StaffCaller = Extract<Caller, { kind: 'staff' }>;

export type AdvisoryPageAccess = {
  session: Awaited<ReturnType<typeof getStaffSession>>;
  caller: StaffCaller | null;
  isAdmin: boolean;
  /** 200, 401 without a session, 403 without the advisor role. */
  status: 200 | 401 | 403;
};

/** Who opens an advisory staff page, and the status the page answers with. */
export async function advisoryPageAccess(request: Request): Promise<AdvisoryPageAccess> {
  const session = await getStaffSession(request);
  if (!session) return { session, caller: null, isAdmin: false, status: 401 };
  const allowed = ADVISORS.some((role) => hasRole(session.claims, role));
  const caller = allowed ? ({ kind: 'staff', claims: session.claims, token: session.token } as const) : null;
  return { session, caller, isAdmin: hasRole(session.claims, 'admin'), status: allowed ? 200 : 403 };
}
