import { fail, ok, type Result } from '../result.ts';

export const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function idempotencyKey(request: Request, fallback?: unknown): Result<string | null> {
  const raw = request.headers.get('idempotency-key') ?? (typeof fallback === 'string' && fallback !== '' ? fallback : null);
  if (raw === null) return ok(null);
  if (!KEY_PATTERN.test(raw)) {
    return fail({ code: 'bad_request', message: 'La cabecera Idempotency-Key debe tener entre 1 y 200 caracteres visibles.' });
  }
  return ok(raw);
}
