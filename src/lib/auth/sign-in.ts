import { createHmac } from 'node:crypto';
import { rpc } from '../db/store.ts';
import type { CodeIssuer, StaffGrant } from './issuer.ts';
import { localIssuer } from './local-issuer.ts';
import { refused, type SignInResult } from './problems.ts';
import { requestCodeSchema, verifyCodeSchema } from './schemas.ts';
import { supabaseIssuer } from './supabase-issuer.ts';
import { jwtSecret, verifyStaffToken } from './tokens.ts';

/** Who is asking (salted hash of the address, for rate limits) and the site's own address (for links). */
export type SignInRequester = { client: string; siteUrl: string };

export const usesSupabaseAuth = (env = process.env) => Boolean(env.SUPABASE_URL && env.SUPABASE_ANON_KEY);

export function issuerFor(env = process.env): CodeIssuer | null {
  if (usesSupabaseAuth(env)) return supabaseIssuer(env.SUPABASE_URL!, env.SUPABASE_ANON_KEY!, env);
  const secret = jwtSecret(env);
  return secret ? localIssuer(secret) : null;
}

/** The page a code's link opens: it shows the code and a button, so a mail scanner following links spends nothing. */
export const codePageUrl = (siteUrl: string, email: string, code?: string) =>
  `${siteUrl}/staff/entrar/codigo?${new URLSearchParams({ correo: email, ...(code ? { codigo: code } : {}) })}`;

type Throttled = { ok: true } | { ok: false; error: { retryAfter?: number } };

async function throttle(step: 'request' | 'verify', client: string, email: string, env = process.env): Promise<SignInResult<void>> {
  // Salted like the client hash: the limits table never holds an address in clear.
  const emailKey = createHmac('sha256', env.RATE_LIMIT_SALT || jwtSecret(env) || 'participa').update(`email:${email}`).digest('hex').slice(0, 32);
  const result = await rpc<Throttled>('staff_sign_in_throttle', { p_step: step, p_client: client, p_email_key: emailKey });
  return result.ok ? { ok: true, value: undefined } : refused('rate_limited', result.error.retryAfter);
}

/** Step 1: an e-mail in, a code out to that mailbox if it is staff. The answer is the same either way. */
export async function requestCode(input: unknown, requester: SignInRequester): Promise<SignInResult<{ email: string }>> {
  const parsed = requestCodeSchema.safeParse(input);
  if (!parsed.success) return refused('invalid_email');
  const { email } = parsed.data;
  const limited = await throttle('request', requester.client, email);
  if (!limited.ok) return limited;
  const issuer = issuerFor();
  if (!issuer) return refused('unavailable');
  const sent = await issuer.sendCode(email, (code) => codePageUrl(requester.siteUrl, email, code));
  return sent.ok ? { ok: true, value: { email } } : sent;
}

/** Step 2: the e-mail and its code in, a staff session out. */
export async function verifyCode(input: unknown, requester: SignInRequester): Promise<SignInResult<StaffGrant>> {
  const parsed = verifyCodeSchema.safeParse(input);
  if (!parsed.success) return refused(parsed.error.issues.some((i) => i.path[0] === 'email') ? 'invalid_email' : 'invalid_code');
  const { email, code } = parsed.data;
  const limited = await throttle('verify', requester.client, email);
  if (!limited.ok) return limited;
  const issuer = issuerFor();
  return issuer ? issuer.verifyCode(email, code) : refused('unavailable');
}

/** The `npm run staff:link` path: a token signed by whoever runs the server, exchanged as it is. */
export async function acceptLinkToken(token: unknown): Promise<SignInResult<StaffGrant>> {
  const claims = typeof token === 'string' && token.length <= 4096 ? await verifyStaffToken(token) : null;
  if (!claims) return refused('link');
  return { ok: true, value: { token: token as string, email: claims.email, roles: claims.app_metadata.roles, expiresAt: claims.exp ?? 0 } };
}

/** Lets the issuer forget the session (Supabase revokes its refresh token); the caller clears the cookie. */
export async function signOut(token: string | undefined): Promise<void> {
  if (!token || !(await verifyStaffToken(token))) return;
  await issuerFor()?.signOut(token);
}

export const CODE_SENT = 'Si el correo pertenece al personal de la entidad, le enviamos un código de 6 dígitos. Sirve una sola vez y vence en pocos minutos.';
