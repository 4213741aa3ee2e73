import { createHmac, randomInt } from 'node:crypto';
import { rpc } from '../db/store.ts';
import { isStaffRole } from './claims.ts';
import { localMailbox, type CodeDelivery } from './code-delivery.ts';
import { nowSeconds, type CodeIssuer } from './issuer.ts';
import { refused, type SignInProblem } from './problems.ts';
import { CODE_LENGTH } from './schemas.ts';
import { signStaffToken } from './tokens.ts';

const CODE_MINUTES = 10; // as staff_sign_in_issue stores it
const SESSION_SECONDS = 8 * 3600; // a working day

type Issued = { ok: true; value: { deliver: boolean } } | { ok: false };
type Verified = { ok: true; value: { email: string; roles: string[] } } | { ok: false; problem?: SignInProblem };

/** Keyed with the server's secret: a hash written straight into the database by anyone else never matches. */
const codeHash = (secret: string, email: string, code: string) => createHmac('sha256', secret).update(`${email}:${code}`).digest('hex');

/**
 * Codes for installs without an auth server: the roster and the hashed codes live in Postgres
 * (supabase/migrations/…_staff_sign_in.sql), the session is a token signed with the local secret,
 * shaped like Supabase's.
 */
export function localIssuer(secret: string, delivery: CodeDelivery = localMailbox()): CodeIssuer {
  return {
    async sendCode(email, linkFor) {
      const code = String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, '0');
      const issued = await rpc<Issued>('staff_sign_in_issue', { p_email: email, p_code_hash: codeHash(secret, email, code) });
      if (!issued.ok) return refused('unavailable');
      if (issued.value.deliver) await delivery.send({ to: email, code, link: linkFor(code), minutes: CODE_MINUTES });
      return { ok: true, value: undefined };
    },

    async verifyCode(email, code) {
      const verified = await rpc<Verified>('staff_sign_in_verify', { p_email: email, p_code_hash: codeHash(secret, email, code) });
      if (!verified.ok) return refused(verified.problem ?? 'unavailable');
      const roles = verified.value.roles.filter(isStaffRole);
      const token = await signStaffToken({ email: verified.value.email, roles, ttlSeconds: SESSION_SECONDS }, secret);
      return { ok: true, value: { token, email: verified.value.email, roles, expiresAt: nowSeconds() + SESSION_SECONDS } };
    },

    // The token is self-contained and nothing is kept for it: clearing the cookie is the whole sign-out.
    async signOut() {},
  };
}
