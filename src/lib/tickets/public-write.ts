import type * as z from 'zod';
import { fail, type Result } from '../result.ts';
import { validate } from '../validation.ts';

/** What every public ticket write carries besides its body (from src/lib/http/public-post.ts). */
export type PublicWriteMeta = { client: string; idempotencyKey: string | null };

/**
 * Validates a public body with its shared schema. A filled honeypot (`website`) gets the answer of any
 * invalid form, with no hint of why.
 */
export function checked<S extends z.ZodType<object>>(schema: S, body: Record<string, unknown>): Result<Omit<z.output<S>, 'website'>> {
  const input = validate(schema, body);
  if (!input.ok) return input;
  const { website, ...rest } = input.value as z.output<S> & { website?: string };
  if (website) return fail({ code: 'validation_failed', message: 'No pudimos aceptar este envío.' });
  return { ok: true, value: rest };
}
