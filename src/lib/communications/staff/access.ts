import { hasRole } from '../../auth/claims.ts';
import { getStaffSession, type StaffSession } from '../../auth/session.ts';
import type { Caller } from '../../db/store.ts';
import { PUBLISHERS } from './roles.ts';

export type PublisherAccess = {
  session: StaffSession | null;
  allowed: boolean;
  /** The caller the page's reads run as; null unless allowed. */
  caller: Caller | null;
  /** 401 without a session, 403 without the role, 200 otherwise: the status the page answers with. */
  status: 200 | 401 | 403;
};

/** Who is looking at a communications staff page, and whether the page may show its tools. */
export async function publisherAccess(credentials: Parameters<typeof getStaffSession>[0]): Promise<PublisherAccess> {
  const session = await getStaffSession(credentials);
  if (!session) return { session, allowed: false, caller: null, status: 401 };
  const allowed = PUBLISHERS.some((role) => hasRole(session.claims, role));
  const caller: Caller | null = allowed ? { kind: 'staff', claims: session.claims, token: session.token } : null;
  return { session, allowed, caller, status: allowed ? 200 : 403 };
}
