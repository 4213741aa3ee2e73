import { readBody } from '../http/body.ts';
import { errorResponse, seeOther } from '../http/respond.ts';
import { sessionCookie } from './session.ts';
import { verifyStaffToken } from './tokens.ts';

const SESSION_SECONDS = 8 * 3600;

/** Exchanges a sign-in token (from `npm run staff:link`) for an HttpOnly session cookie. */
export async function startSession(request: Request): Promise<Response> {
  const body = await readBody(request);
  if (!body.ok) return errorResponse(body.error);
  const token = body.value.data.token;
  const claims = typeof token === 'string' ? await verifyStaffToken(token) : null;
  if (!claims || typeof token !== 'string') {
    // A person clicking «Entrar» gets the sign-in page back with the reason; an API client gets the contract's 401.
    if (body.value.kind === 'form') return seeOther('/staff/entrar?error=enlace');
    return errorResponse({ code: 'unauthorized', message: 'El enlace de acceso no es válido o ya venció. Pida uno nuevo.' });
  }
  const secure = new URL(request.url).protocol === 'https:';
  const maxAge = Math.max(60, Math.min(SESSION_SECONDS, (claims.exp ?? 0) - Math.floor(Date.now() / 1000)));
  return seeOther('/staff', { 'Set-Cookie': sessionCookie(token, secure, maxAge) });
}

export async function endSession(request: Request): Promise<Response> {
  const secure = new URL(request.url).protocol === 'https:';
  return seeOther('/', { 'Set-Cookie': sessionCookie('', secure, 0) });
}
