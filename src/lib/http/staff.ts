import { hasRole, type StaffRole } from '../auth/claims.ts';
import { getStaffSession } from '../auth/session.ts';
import type { Caller } from '../db/store.ts';
import { fail, ok, type DomainError, type Result } from '../result.ts';
import { readBody } from './body.ts';
import { guarded, methodOf, type Handler } from './endpoint.ts';
import { MESSAGES } from '../error-messages.ts';
import { unlessUnavailable } from './outage.ts';
import { pathMatcher } from './path-pattern.ts';
import { errorResponse, fromResult, seeOther } from './respond.ts';

export type StaffCaller = Extract<Caller, { kind: 'staff' }>;

/** The roles that may use a route besides admin, who always may. */
export type StaffRoles = readonly StaffRole[];

type Params = Record<string, string>;

/** A cookie-carried session must come from our own pages (Origin check on top of SameSite=Strict). */
function crossSite(request: Request): boolean {
  if (request.headers.get('authorization')) return false;
  const origin = request.headers.get('origin');
  return origin !== null && origin !== new URL(request.url).origin;
}

/**
 * Who is calling, checked in the contract's order: no valid token → 401, a cookie from another site → 403,
 * a role the route does not allow → 403. Without `roles`, any staff member (the staff pages check their
 * own roles before they show a form). The SQL functions check the role again: this orders the answers,
 * so a wrong role hears "forbidden" before any detail of its body, and is not the only gate.
 */
export async function staffCaller(request: Request, roles?: StaffRoles): Promise<Result<StaffCaller>> {
  const session = await getStaffSession(request);
  if (!session) return fail({ code: 'unauthorized' });
  if (crossSite(request)) return fail({ code: 'forbidden', message: 'Solicitud de otro sitio rechazada.' });
  if (roles && !roles.some((role) => hasRole(session.claims, role))) return fail({ code: 'forbidden' });
  return ok({ kind: 'staff', claims: session.claims, token: session.token });
}

/** One staff route: who may use it, and what it does once the caller is known to be allowed. */
export type StaffRoute = {
  roles: StaffRoles;
  run: (request: Request, params: Params, caller: StaffCaller) => Promise<Response>;
};

/** `"GET /api/admin/surveys/:slug"` → route. A function exports its table so tests read the same roles. */
export type StaffRoutes = Record<`${'GET' | 'POST' | 'PUT'} /api/admin/${string}`, StaffRoute>;

/** A read: the use case's result as JSON. */
export function staffRead<T>(roles: StaffRoles, read: (params: Params, caller: StaffCaller) => Promise<Result<T>>): StaffRoute {
  return { roles, run: async (_request, params, caller) => fromResult(await read(params, caller)) };
}

/**
 * A write from the API (JSON, `successStatus` with the value: 201 where it creates) or from the staff
 * pages' forms (303 back to `back`, with `ok` or the error message in the query so the page can say
 * what happened).
 */
export function staffWrite<T>(
  roles: StaffRoles,
  back: (request: Request, params: Params) => string,
  okLabel: string,
  write: (data: Record<string, unknown>, params: Params, caller: StaffCaller) => Promise<Result<T>>,
  successStatus = 200,
): StaffRoute {
  return {
    roles,
    run: async (request, params, caller) => {
      const body = await readBody(request);
      if (!body.ok) return errorResponse(body.error);
      const result = await unlessUnavailable(write(body.value.data, params, caller));
      if (body.value.kind === 'json') return fromResult(result, successStatus);
      return seeOther(result.ok ? `${back(request, params)}?ok=${okLabel}` : `${back(request, params)}?error=${encodeURIComponent(describe(result.error))}`);
    },
  };
}

function describe(error: DomainError): string {
  const fields = Object.values(error.fields ?? {});
  return fields.length > 0 ? fields.join(' ') : error.message ?? MESSAGES[error.code];
}

/**
 * The handler of a staff function: finds the route (404 / 405 with Allow), then checks the caller against
 * the route's roles before anything reads the body, so every route answers 401/403 first by construction.
 */
export function staffEndpoint(routes: StaffRoutes): Handler {
  const entries = Object.entries(routes).map(([key, route]) => {
    const [method, path] = key.split(' ');
    return { method, path, route };
  });
  const match = pathMatcher(entries.map((e) => e.path));

  const dispatch: Handler = async (request) => {
    const route = match(new URL(request.url).pathname);
    if (!route) return errorResponse({ code: 'not_found' });
    const served = entries.filter((e) => e.path === route.path);
    const entry = served.find((e) => e.method === methodOf(request));
    if (!entry) return errorResponse({ code: 'method_not_allowed' }, { Allow: served.map((e) => e.method).join(', ') });
    const caller = await staffCaller(request, entry.route.roles);
    if (!caller.ok) return errorResponse(caller.error);
    return entry.route.run(request, route.params, caller.value);
  };
  // Allow names the methods of the path asked for, not of every route this function serves.
  return guarded(dispatch);
}
