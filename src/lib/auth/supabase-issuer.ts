import { createClient, type AuthError } from '@supabase/supabase-js';
import { isStaffRole } from './claims.ts';
import type { CodeIssuer } from './issuer.ts';
import { refused } from './problems.ts';
import { verifyStaffToken } from './tokens.ts';

const logFailure = (step: string, error: AuthError | string) =>
  console.error(JSON.stringify({ level: 'error', area: 'staff-sign-in', step, error: typeof error === 'string' ? error : `${error.status ?? ''} ${error.code ?? ''} ${error.message}` }));

/** 5xx or no answer at all: Supabase Auth (or the mail it sends) is down, not the person's input. */
const isOutage = (error: AuthError) => !error.status || error.status >= 500;

/**
 * Supabase Auth's e-mail one-time codes, called from the server with the anon key. A fresh client per
 * call: verifyOtp stores the session it gets in the client, and a shared one would mix up people.
 */
export function supabaseIssuer(url: string, anonKey: string, env = process.env): CodeIssuer {
  const auth = () => createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } }).auth;

  // Revokes this session's refresh token at Supabase (we never kept it); the access token itself
  // lives on until its expiry, but only in the cookie the caller clears.
  async function signOut(token: string): Promise<void> {
    const { error } = await auth().admin.signOut(token, 'local');
    if (error && isOutage(error)) logFailure('logout', error);
  }

  return {
    async sendCode(email) {
      // shouldCreateUser false: only invited staff get a code. An unknown address (422) or one asked
      // for too soon (429) reads like success, so the page never tells who is staff.
      const { error } = await auth().signInWithOtp({ email, options: { shouldCreateUser: false } });
      if (error && isOutage(error)) {
        logFailure('otp', error);
        return refused('unavailable');
      }
      return { ok: true, value: undefined };
    },

    async verifyCode(email, code) {
      const { data, error } = await auth().verifyOtp({ email, token: code, type: 'email' });
      if (error) {
        if (error.status === 429) return refused('rate_limited');
        if (isOutage(error)) logFailure('verify', error);
        return refused(isOutage(error) ? 'unavailable' : 'wrong_or_expired');
      }
      const session = data.session;
      if (!session) return refused('wrong_or_expired');
      const roles = ((data.user?.app_metadata?.roles as unknown[]) ?? []).filter((r): r is string => typeof r === 'string' && isStaffRole(r));
      if (roles.length === 0) {
        // A real account without a staff role: end the session Supabase just opened.
        await signOut(session.access_token);
        return refused('no_role');
      }
      const claims = await verifyStaffToken(session.access_token, env);
      if (!claims) {
        logFailure('verify', 'Supabase issued a token this server cannot verify: check SUPABASE_JWT_SECRET or the JWKS.');
        return refused('unavailable');
      }
      return { ok: true, value: { token: session.access_token, email: claims.email, roles: claims.app_metadata.roles, expiresAt: claims.exp ?? session.expires_at ?? 0 } };
    },

    signOut,
  };
}
