import type { Context } from '@netlify/functions';
import type { VisitContext } from '../monitoring/collect-view.ts';
import { ok, type Result } from '../result.ts';
import { idempotencyKey } from './request-identity.ts';

type Geo = { country?: { code?: string }; subdivision?: { code?: string } };

/** Netlify's geolocation: the function context, or the `x-nf-geo` header (base64 JSON) it is made from. */
function geoOf(request: Request, context: Pick<Context, 'geo'>): Geo {
  if (context.geo?.country?.code) return context.geo;
  const header = request.headers.get('x-nf-geo');
  if (!header) return {};
  try {
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as Geo;
  } catch {
    return {};
  }
}

const code = (value: string | undefined, pattern: RegExp) => (value && pattern.test(value.toUpperCase()) ? value.toUpperCase() : null);

/**
 * What the visits beacon's request says about its visitor, read once here so the domain knows no headers;
 * a malformed Idempotency-Key is the contract's 400.
 */
export function visitContext(request: Request, context: Pick<Context, 'ip' | 'geo'>): Result<VisitContext> {
  const key = idempotencyKey(request);
  if (!key.ok) return key;
  const geo = geoOf(request, context);
  return ok({
    userAgent: request.headers.get('user-agent') ?? '',
    ip: context.ip ?? 'unknown',
    host: new URL(request.url).host,
    optedOut: request.headers.get('dnt') === '1' || request.headers.get('sec-gpc') === '1',
    country: code(geo.country?.code, /^[A-Z]{2}$/),
    region: code(geo.subdivision?.code, /^[A-Z0-9]{1,10}$/),
    idempotencyKey: key.value,
  });
}
