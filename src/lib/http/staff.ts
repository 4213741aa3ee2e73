import type { Caller } from '../db/store.ts';
import { getStaffSession } from '../auth/session.ts';
import type { DomainError, Result } from '../result.ts';
import { readBody } from './body.ts';
import { MESSAGES } from './errors.ts';
import { errorResponse, json, seeOther } from './respond.ts';

/** A cookie-carried session must come from our own pages (Origin check on top of SameSite=Strict). */
function crossSite(request: Request): boolean {
  if (request.headers.get('authorization')) return false;
  const origin = request.headers.get('origin');
  return origin !== null && origin !== new URL(request.url).origin;
}

export async function staffCaller(request: Request): Promise<Result<Caller>> {
  const session = await getStaffSession(request);
  if (!session) return { ok: false, error: { code: 'unauthorized' } };
  if (crossSite(request)) return { ok: false, error: { code: 'forbidden', message: 'Solicitud de otro sitio rechazada.' } };
  return { ok: true, value: { kind: 'staff', claims: session.claims, token: session.token } };
}

/**
 * Staff writes from the API (JSON, 200 with the value) or from the staff pages' forms (303 back to
 * `back`, with `ok` or the error message in the query so the page can say what happened).
 */
export async function staffPost<T>(
  request: Request,
  back: string,
  okLabel: string,
  run: (data: Record<string, unknown>, caller: Caller) => Promise<Result<T>>,
): Promise<Response> {
  const caller = await staffCaller(request);
  if (!caller.ok) return errorResponse(caller.error);
  const body = await readBody(request);
  if (!body.ok) return errorResponse(body.error);
  const result = await run(body.value.data, caller.value);
  if (body.value.kind === 'json') return result.ok ? json(result.value) : errorResponse(result.error);
  return seeOther(result.ok ? `${back}?ok=${okLabel}` : `${back}?error=${encodeURIComponent(describe(result.error))}`);
}

function describe(error: DomainError): string {
  const fields = Object.values(error.fields ?? {});
  return fields.length > 0 ? fields.join(' ') : error.message ?? MESSAGES[error.code];
}
