import { fail, ok, type Result } from '../result.ts';
import { readUpTo } from '../streams.ts';
import { unstorableTextFields } from '../validation.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export type Body = { kind: 'json' | 'form'; data: Record<string, unknown> };

async function readLimited(request: Request): Promise<Result<string>> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) return fail({ code: 'payload_too_large' });
  if (!request.body) return ok('');
  const bytes = await readUpTo(request.body, MAX_BODY_BYTES);
  if (!bytes) return fail({ code: 'payload_too_large' });
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail({ code: 'bad_request', message: 'El cuerpo de la solicitud no es UTF-8 válido.' });
  }
}

/**
 * `answers.q1=a&answers.q1=b&consent=true` → `{ answers: { q1: ['a', 'b'] }, consent: 'true' }`.
 * Values stay strings; the shared zod schemas coerce them, so a form and a JSON body validate alike.
 */
// A field named `__proto__.x` would otherwise write onto Object.prototype for the whole process.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function formToObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of params) {
    const path = name.split('.');
    if (path.some((key) => UNSAFE_KEYS.has(key))) continue;
    let node = out;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      node = (next && typeof next === 'object' && !Array.isArray(next) ? next : (node[key] = {})) as Record<string, unknown>;
    }
    const leaf = path[path.length - 1];
    const existing = node[leaf];
    node[leaf] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/**
 * The body as JSON or a form, ≤ 64 KB. Text PostgreSQL cannot store is refused here, once for every
 * operation, with the fields that carry it — so no schema can forget it and no such text reaches SQL.
 */
export async function readBody(request: Request): Promise<Result<Body>> {
  const body = await parseBody(request);
  if (!body.ok) return body;
  const fields = unstorableTextFields(body.value.data);
  return Object.keys(fields).length > 0 ? fail({ code: 'validation_failed', fields }) : body;
}

async function parseBody(request: Request): Promise<Result<Body>> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const kind = type === 'application/json' ? 'json' : type === 'application/x-www-form-urlencoded' ? 'form' : null;
  if (!kind) return fail({ code: 'unsupported_media_type' });
  const text = await readLimited(request);
  if (!text.ok) return text;
  if (kind === 'form') return ok({ kind, data: formToObject(new URLSearchParams(text.value)) });
  try {
    const data: unknown = JSON.parse(text.value);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return fail({ code: 'bad_request', message: 'El cuerpo debe ser un objeto JSON.' });
    }
    return ok({ kind, data: data as Record<string, unknown> });
  } catch {
    return fail({ code: 'bad_request', message: 'El cuerpo no es JSON válido.' });
  }
}
