import type { StaffRole } from './claims.ts';
import type { SignInResult } from './problems.ts';

/** A signed-in staff member: the token the session cookie carries, and when it stops being valid. */
export type StaffGrant = { token: string; email: string; roles: StaffRole[]; expiresAt: number };

/** Who hands out sign-in codes and sessions: Supabase Auth in production, the local issuer otherwise. */
export interface CodeIssuer {
  /** Sends a code to the address if it belongs to staff; answers the same either way. */
  sendCode(email: string, linkFor: (code: string) => string): Promise<SignInResult<void>>;
  verifyCode(email: string, code: string): Promise<SignInResult<StaffGrant>>;
  /** Forgets whatever the issuer keeps for this session (nothing, locally). */
  signOut(token: string): Promise<void>;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
