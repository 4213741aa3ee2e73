import { createHash } from 'node:crypto';
import { fail, ok, type Result } from '../result.ts';

export const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** Hash of the validated body, so a JSON replay and its form twin compare equal. */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

export function idempotencyKey(request: Request, fallback?: unknown): Result<string | null> {
  const raw = request.headers.get('idempotency-key') ?? (typeof fallback === 'string' && fallback !== '' ? fallback : null);
  if (raw === null) return ok(null);
  if (!KEY_PATTERN.test(raw)) {
    return fail({ code: 'bad_request', message: 'La cabecera Idempotency-Key debe tener entre 1 y 200 caracteres visibles.' });
  }
  return ok(raw);
}

/**
 * Rate limits count per client without keeping the address: a salted hash, salt from configuration,
 * so the stored value cannot be reversed to an IP (Ley 1581: minimal collection).
 */
export function clientHash(ip: string, env = process.env): string {
  const salt = env.RATE_LIMIT_SALT || env.SUPABASE_JWT_SECRET || env.STAFF_JWT_SECRET || 'participa';
  return createHash('sha256').update(`${salt}:${ip}`).digest('hex').slice(0, 32);
}
