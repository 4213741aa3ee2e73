import type { Context } from '@netlify/functions';
import type { StaffGrant } from '../auth/issuer.ts';
import { SIGN_IN_PROBLEMS, type SignInProblem, type SignInResult } from '../auth/problems.ts';
import { SESSION_COOKIE, staffTokenOf } from '../auth/session.ts';
import { acceptLinkToken, CODE_SENT, codePageUrl, requestCode, signOut, verifyCode, type SignInRequester } from '../auth/sign-in.ts';
import { clientHash } from '../fingerprints.ts';
import type { DomainError } from '../result.ts';
import { readBody } from './body.ts';
import { errorResponse, json, seeOther } from './respond.ts';

const MAX_SESSION_SECONDS = 8 * 3600;

export function sessionCookie(token: string, secure: boolean, maxAgeSeconds: number): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

const isHttps = (request: Request) => new URL(request.url).protocol === 'https:';

/** The cookie lives as long as the token inside it (never past a working day), at least a minute. */
function grantCookie(request: Request, grant: StaffGrant): string {
  const left = grant.expiresAt - Math.floor(Date.now() / 1000);
  return sessionCookie(grant.token, isHttps(request), Math.max(60, Math.min(MAX_SESSION_SECONDS, left)));
}

function problemError(problem: SignInProblem, retryAfter?: number): DomainError {
  const entry: { code: DomainError['code']; message: string; field?: string } = SIGN_IN_PROBLEMS[problem];
  return { code: entry.code, message: entry.message, ...(entry.field ? { fields: { [entry.field]: entry.message } } : {}), retryAfter };
}

type Data = Record<string, unknown>;
/** What the person typed, to show it again in the form after a problem. */
const typedText = (data: Data, name: string) => (typeof data[name] === 'string' ? (data[name] as string).trim().slice(0, 254) : '');

/** A sign-in or sign-out posted from another site (or with `Origin: null`) must not change anyone's session. */
const fromOtherSite = (request: Request) => {
  const origin = request.headers.get('origin');
  return origin !== null && origin !== new URL(request.url).origin;
};
const OTHER_SITE: DomainError = { code: 'forbidden', message: 'Solicitud de otro sitio rechazada.' };

type Step<T> = {
  run: (data: Data, requester: SignInRequester) => Promise<SignInResult<T>>;
  /** Where the no-JS form goes next. */
  next: (value: T) => string;
  back: (problem: SignInProblem, data: Data) => string;
  /** The JSON answer. */
  answer: (value: T) => { status: number; body: unknown };
  /** The session a successful step opens, if any. */
  sessionOf?: (value: T) => StaffGrant;
};

/**
 * The shared steps of the sign-in POSTs: same-origin only (a cross-site form must not sign anyone in
 * or out), body as JSON or form, the hashed client for rate limits, then a 303 for the page or JSON.
 */
async function signInStep<T>(request: Request, context: Pick<Context, 'ip'>, step: Step<T>): Promise<Response> {
  if (fromOtherSite(request)) return errorResponse(OTHER_SITE);
  const body = await readBody(request);
  if (!body.ok) return errorResponse(body.error);
  const siteUrl = process.env.SITE_URL?.replace(/\/$/, '') || new URL(request.url).origin;
  const result = await step.run(body.value.data, { client: clientHash(context.ip ?? 'unknown'), siteUrl });
  const headers: Record<string, string> = result.ok && step.sessionOf ? { 'Set-Cookie': grantCookie(request, step.sessionOf(result.value)) } : {};
  if (body.value.kind === 'form') return seeOther(result.ok ? step.next(result.value) : step.back(result.problem, body.value.data), headers);
  if (!result.ok) return errorResponse(problemError(result.problem, result.retryAfter));
  const { status, body: payload } = step.answer(result.value);
  return json(payload, status, headers);
}

const grantBody = (grant: StaffGrant) => ({ status: 200, body: { email: grant.email, roles: grant.roles, expiresAt: new Date(grant.expiresAt * 1000).toISOString() } });
const itself = (grant: StaffGrant) => grant;
const pathWith = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params)}`;

/** POST /api/staff/session/code {email}: a code goes to that mailbox if it is staff's. */
export const sendCodeStep = (request: Request, context: Context) =>
  signInStep(request, context, {
    run: requestCode,
    next: ({ email }) => codePageUrl('', email),
    back: (problem, data) => pathWith('/staff/entrar', { error: problem, correo: typedText(data, 'email') }),
    answer: () => ({ status: 202, body: { message: CODE_SENT } }),
  });

/** POST /api/staff/session/verify {email, code}: the session cookie, and /staff. */
export const verifyCodeStep = (request: Request, context: Context) =>
  signInStep(request, context, {
    run: verifyCode,
    next: () => '/staff',
    back: (problem, data) =>
      problem === 'invalid_email' ? pathWith('/staff/entrar', { error: problem }) : pathWith('/staff/entrar/codigo', { correo: typedText(data, 'email'), error: problem }),
    answer: grantBody,
    sessionOf: itself,
  });

/** POST /api/staff/session {token}: the link printed by `npm run staff:link`. */
export const linkTokenStep = (request: Request, context: Context) =>
  signInStep(request, context, {
    run: (data) => acceptLinkToken(data.token),
    next: () => '/staff',
    back: (problem) => pathWith('/staff/entrar', { error: problem }),
    answer: grantBody,
    sessionOf: itself,
  });

/** POST /api/staff/session/end: the issuer forgets the session, the browser forgets the cookie. */
export async function endSession(request: Request): Promise<Response> {
  if (fromOtherSite(request)) return errorResponse(OTHER_SITE);
  await signOut(staffTokenOf(request));
  return seeOther('/staff/entrar?sesion=cerrada', { 'Set-Cookie': sessionCookie('', isHttps(request), 0) });
}
