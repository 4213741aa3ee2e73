import fc from 'fast-check';
import { STATUS } from '../../src/lib/http/errors.ts';
import type { ErrorCode } from '../../src/lib/result.ts';
import { isStorableText } from '../../src/lib/validation.ts';
import { newClientIp } from './http.ts';

/**
 * Hostile requests generated from the OpenAPI document: for every operation that takes a body, bodies valid
 * by its JSON schema, then the same bodies broken every way a client can break them. Shared by the property
 * test (tests/http/fuzz.test.ts) and `npm run fuzz` (scripts/fuzz.ts), so both walk the same document and a
 * new operation is fuzzed the day it lands.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

type Parameter = { name: string; in: string; schema?: Schema };

export type Operation = {
  method: string;
  /** `/api/events/{slug}/registrations` */
  path: string;
  staff: boolean;
  form: boolean;
  schema: Schema;
  pathParams: string[];
  queryParams: string[];
};

type OpenApi = {
  paths: Record<string, Record<string, { security?: unknown[]; parameters?: (Parameter | { $ref: string })[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
};

/** Every operation of the document with a JSON request body. */
export function operationsOf(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => op?.requestBody?.content?.['application/json'])
      .map(([method, op]) => {
        const params = (op.parameters ?? []).filter((p): p is Parameter => 'name' in p);
        return {
          method: method.toUpperCase(),
          path,
          staff: (op.security ?? []).length > 0,
          form: 'application/x-www-form-urlencoded' in op.requestBody!.content,
          schema: op.requestBody!.content['application/json'].schema,
          pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        };
      }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Values valid by a schema

/** Text PostgreSQL stores fine but code often mishandles: right-to-left marks, emoji, combining and zero-width. */
const ODD_STORABLE = ['\u202e', '\u200f', '😀', '👩🏽‍🌾', 'e\u0301', '\u200b', 'ñ', '\ufeff', '𝔘', '\u2028', "'", '"', '\\', '<', '%', '\t'];


const plainText = (min: number, max: number) =>
  fc.string({ minLength: min, maxLength: max, unit: fc.oneof({ weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }, fc.constantFrom(...ODD_STORABLE)) });

// fast-check cannot generate from lookarounds: generate without them, keep what the real pattern accepts.
const withoutLookarounds = (pattern: string) => pattern.replace(/\(\?<?[=!](?:[^()\\]|\\.)*\)/g, '');

function text(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 60, 300));
  const fits = (s: string) => s.length >= min && s.length <= (schema.maxLength ?? Infinity) && isStorableText(s);
  if (!schema.pattern) return plainText(min, max).filter(fits);
  const real = new RegExp(schema.pattern, 'u');
  return fc.stringMatching(new RegExp(withoutLookarounds(schema.pattern))).filter((s) => fits(s) && real.test(s));
}

function number(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function object(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const fixed = fc.record(Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, valid(s)])), { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
  if (typeof schema.additionalProperties !== 'object') return fixed;
  const names = schema.propertyNames ? text({ type: 'string', ...schema.propertyNames }) : fc.string({ minLength: 1, maxLength: 20 });
  return fc.tuple(fixed, fc.dictionary(names, valid(schema.additionalProperties), { maxKeys: 4 })).map(([a, b]) => ({ ...b, ...a }));
}

/** A value the schema accepts. */
export function valid(schema: Schema): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(valid));
  const types = [schema.type ?? 'string'].flat();
  if (types.length > 1) return fc.oneof(...types.map((type) => valid({ ...schema, type })));
  switch (types[0]) {
    case 'integer':
      return number(schema, true);
    case 'number':
      return number(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(valid(schema.items ?? {}), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)) });
    }
    case 'object':
      return object(schema);
    default:
      return text(schema);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Hostile values and mutations

const DEEP = 20_000;
/** Stands for a value nested DEEP levels, spliced into the JSON text (no JS value survives that depth). */
const DEEP_MARKER = '\u0001deep\u0001';

/** Text PostgreSQL cannot store, and text that is merely unusual. */
const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '\u202eevil.exe',
  '😀'.repeat(50),
  '',
  ' ',
  '\r\n',
  "'; drop table public.events; --",
  '<script>alert(1)</script>',
  '%00',
  '../../etc/passwd',
  '0000-01-01',
  '9999-12-31T23:59:59Z',
  '-infinity',
  'NaN',
  '1e999',
  '00000000-0000-0000-0000-000000000000',
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(1_001), 'ñ'.repeat(5_000), '𝔘'.repeat(20_000)) },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, -0, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 1e-300),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': 1 }, ['a', 'a'], DEEP_MARKER) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Json = Record<string, unknown>;

/** Every place in a body a mutation can touch: `[]` is the body itself. */
function pathsOf(value: unknown, path: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [path];
  return [path, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
}

function setAt(body: Json, path: string[], value: unknown | typeof REMOVE): Json {
  const copy = structuredClone(body);
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (value === REMOVE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
  return copy;
}

const REMOVE = Symbol('remove');

/** A valid body broken in one place: a field removed, retyped, stretched, or one added. */
function mutated(body: Json): fc.Arbitrary<Json> {
  const paths = pathsOf(body).filter((p) => p.length > 0);
  const extraName = fc.oneof(fc.constantFrom('extra', 'constructor', '__proto__', 'a\u0000b', '\ud800', 'x'.repeat(300), ''), fc.string({ maxLength: 12 }));
  const options: fc.Arbitrary<Json>[] = [fc.tuple(extraName, hostileValue).map(([name, value]) => ({ ...body, [name]: value }))];
  if (paths.length > 0) {
    const path = fc.constantFrom(...paths);
    options.push(
      path.map((p) => setAt(body, p, REMOVE)),
      fc.tuple(path, hostileValue).map(([p, value]) => setAt(body, p, value)),
      fc.tuple(path, hostileString).map(([p, value]) => setAt(body, p, value)),
      fc.tuple(path, hostileNumber).map(([p, value]) => setAt(body, p, value)),
    );
  }
  return fc.oneof(...options);
}

// ---------------------------------------------------------------------------------------------------------
// Requests

export type FuzzRequest = { method: string; path: string; contentType: string | null; body: string | Uint8Array; headers: Record<string, string>; kind: string };

const jsonText = (body: unknown) => JSON.stringify(body).replace(JSON.stringify(DEEP_MARKER), `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`);

/** `{a:{b:1},c:[x,y]}` → `a.b=1&c=x&c=y`, as the no-JS forms send it. */
function formText(body: Json): string {
  const params = new URLSearchParams();
  const add = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) value.forEach((v) => add(prefix, v));
    else if (value !== null && typeof value === 'object') Object.entries(value).forEach(([k, v]) => add(prefix ? `${prefix}.${k}` : k, v));
    else params.append(prefix, value === DEEP_MARKER ? '[[[' : String(value));
  };
  add('', body);
  return params.toString();
}

/** Bodies broken below the schema: unreadable, not an object, too big, not UTF-8, the wrong media type. */
const RAW: { contentType: string | null; body: string | Uint8Array }[] = [
  { contentType: 'application/json', body: '' },
  { contentType: 'application/json', body: '{' },
  { contentType: 'application/json', body: '[]' },
  { contentType: 'application/json', body: 'null' },
  { contentType: 'application/json', body: '"\\u0000"' },
  { contentType: 'application/json', body: '{"a":1,"a":2}' },
  { contentType: 'application/json', body: `{"x":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}` },
  { contentType: 'application/json', body: JSON.stringify({ x: 'x'.repeat(70_000) }) },
  { contentType: 'application/json', body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { contentType: 'application/json; charset=latin1', body: '{}' },
  { contentType: 'text/plain', body: '{}' },
  { contentType: 'multipart/form-data; boundary=x', body: '--x--' },
  { contentType: null, body: '{}' },
  { contentType: 'application/x-www-form-urlencoded', body: '%%%&=&==&a.b.c.d.e=1&a.b=2&a=3' },
  { contentType: 'application/x-www-form-urlencoded', body: `${'a.'.repeat(5_000)}b=1` },
  { contentType: 'application/x-www-form-urlencoded', body: 'x=%00&y=%ED%A0%80&__proto__.polluted=1' },
];

/** Path parameters that name nothing (so a valid body is validated, then found to point nowhere) or hostile ones. */
// Addresses stay short: past ~16 KB the HTTP server itself refuses them (431), before any code of ours runs.
const NOWHERE = ['fuzz-no-existe', 'ZZ-99', '999999999', '1999', '3000', '0', '-1', 'survey', 'sitio-no', '00000000-0000-4000-8000-000000000000'];
const HOSTILE_SEGMENTS = ['99999999999999999999999', '1.5', 'x'.repeat(400), '😀', '%', 'a b', "'", '\u0000', 'é', '..'];

export type FuzzOptions = {
  /** Real values per path parameter name (the seed's slugs and ids): writes land, so only on a throwaway database. */
  realParams?: Record<string, string[]>;
  /**
   * Whether a body may be written. Without it (the suite's shared database) an operation that creates, with
   * no path parameter to point nowhere, always gets one unknown field too: every check runs, nothing lands.
   */
  writes?: boolean;
};

const NO_WRITE = 'fuzzSinEscritura';

function pathArb(op: Operation, options: FuzzOptions): fc.Arbitrary<string> {
  const values = (name: string) => {
    const real = options.realParams?.[name] ?? [];
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NOWHERE, ...real) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) });
  };
  const params = fc.record(Object.fromEntries(op.pathParams.map((name) => [name, values(name)])));
  const query = op.queryParams.length > 0 ? fc.option(fc.tuple(fc.constantFrom(...op.queryParams), fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.constantFrom('//evil.example', 'https://evil.example', '/staff'))), { freq: 4 }) : fc.constant(null);
  return fc.tuple(params, query).map(([values, q]) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]));
    return q ? `${path}?${new URLSearchParams([[q[0], q[1]]])}` : path;
  });
}

/** One request for the operation: a valid body, a broken one, or a broken body text; as JSON or as a form. */
export function requestArb(op: Operation, options: FuzzOptions = {}): fc.Arbitrary<FuzzRequest> {
  const body = valid(op.schema) as fc.Arbitrary<Json>;
  const guard = !options.writes && op.pathParams.length === 0 ? (b: Json) => ({ ...b, [NO_WRITE]: true }) : (b: Json) => b;
  const shaped = fc.oneof(
    { weight: 2, arbitrary: body.map((b) => ({ kind: 'valid', body: guard(b) })) },
    { weight: 8, arbitrary: body.chain((b) => mutated(b)).map((b) => ({ kind: 'mutated', body: guard(b) })) },
  );
  const encoded = fc.tuple(shaped, fc.boolean()).map(([{ kind, body: b }, asForm]) =>
    asForm && op.form
      ? { kind: `${kind} form`, contentType: 'application/x-www-form-urlencoded', body: formText(b) as string | Uint8Array }
      : { kind: `${kind} json`, contentType: 'application/json' as string | null, body: jsonText(b) as string | Uint8Array },
  );
  const raw = fc.constantFrom(...RAW).map((r) => ({ kind: 'raw', ...r }));
  const idempotency = fc.option(fc.oneof(fc.uuid(), fc.constantFrom('', 'x'.repeat(201), 'a b', 'ñ')), { freq: 3 });
  return fc
    .tuple(pathArb(op, options), fc.oneof({ weight: 9, arbitrary: encoded }, { weight: 1, arbitrary: raw }), idempotency)
    .map(([path, { kind, contentType, body: text }, key]) => ({
      method: op.method,
      path,
      contentType,
      body: text,
      kind,
      headers: key === null ? ({} as Record<string, string>) : { 'Idempotency-Key': encodeURIComponent(key).slice(0, 250) || ' ' },
    }));
}

export type FuzzReply = { status: number; headers: Headers; text: string };

export async function send(baseUrl: string, request: FuzzRequest, token: string | null): Promise<FuzzReply> {
  const headers: Record<string, string> = { ...request.headers, 'x-nf-client-connection-ip': newClientIp() };
  if (request.contentType) headers['content-type'] = request.contentType;
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers, body: request.body as BodyInit, redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const CODES = new Set(Object.keys(STATUS));

/** What is wrong with a reply under the contract, or null: never a 5xx, and every 4xx in the error shape. */
export function contractProblem(reply: FuzzReply): string | null {
  if (reply.status >= 500) return `answered ${reply.status}: ${reply.text.slice(0, 300)}`;
  if (reply.status < 400) return null;
  let body: { error?: { code?: string; message?: unknown; fields?: Record<string, unknown> } };
  try {
    body = JSON.parse(reply.text);
  } catch {
    return `answered ${reply.status} without a JSON body: ${reply.text.slice(0, 200)}`;
  }
  const error = body?.error;
  if (!error || typeof error.code !== 'string' || !CODES.has(error.code)) return `answered ${reply.status} without the contract's error: ${reply.text.slice(0, 200)}`;
  if (STATUS[error.code as ErrorCode] !== reply.status) return `answered ${reply.status} with code ${error.code}`;
  if (typeof error.message !== 'string' || error.message === '') return `answered ${reply.status} without a message`;
  if (error.fields !== undefined && !Object.values(error.fields).every((m) => typeof m === 'string' && m !== '')) return `fields without messages: ${reply.text.slice(0, 200)}`;
  if (reply.status === 405 && !reply.headers.get('allow')) return '405 without Allow';
  if (reply.status === 429 && !reply.headers.get('retry-after')) return '429 without Retry-After';
  return null;
}

export const describeRequest = (r: FuzzRequest) => {
  const body = typeof r.body === 'string' ? r.body : `bytes ${Buffer.from(r.body).toString('hex')}`;
  return `${r.method} ${r.path.slice(0, 200)} [${r.kind}, ${r.contentType}] ${body.length > 400 ? `${body.slice(0, 400)}… (${body.length} chars)` : body}`;
};
