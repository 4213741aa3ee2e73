import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../src/lib/auth/claims.ts';
import { MESSAGES } from '../../src/lib/error-messages.ts';
import type { StaffRoute } from '../../src/lib/http/staff.ts';
import { postJson, request, type Reply } from '../support/http.ts';
import { staffToken } from '../support/staff.ts';

// Every /api/admin route comes from the functions themselves (config.path and the roles each one
// declares), so a new route is in this matrix without editing it.
const dir = resolve(import.meta.dirname, '../../functions');
type FunctionModule = { config?: { path?: string | string[] }; routes?: Record<string, StaffRoute> };
const functions = await Promise.all(
  readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .map(async (file) => ({ file, module: (await import(pathToFileURL(join(dir, file)).href)) as FunctionModule })),
);

const ADMIN = '/api/admin/';
const served = functions.flatMap(({ file, module }) =>
  [module.config?.path ?? []].flat().filter((path) => path.startsWith(ADMIN)).map((path) => ({ file, path })),
);
const declared = functions.flatMap(({ file, module }) =>
  Object.entries(module.routes ?? {}).map(([key, route]) => {
    const [method, path] = key.split(' ');
    return { file, method, path, roles: route.roles };
  }),
);

// The gate must not depend on what the path names, so any plausible value will do.
const SAMPLES: Record<string, string> = { slug: 'oferta-de-servicios', code: '1.1', id: '1' };
const concrete = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => SAMPLES[name] ?? 'muestra');

const allowedRoles = (roles: readonly StaffRole[]) => STAFF_ROLES.filter((role) => role === 'admin' || roles.includes(role));
const refusedRoles = (roles: readonly StaffRole[]) => STAFF_ROLES.filter((role) => !allowedRoles(roles).includes(role));

/** A token whose signature was altered, and one whose payload claims admin under the old signature. */
async function tampered(kind: 'signature' | 'payload'): Promise<string> {
  const [header, payload, signature] = (await staffToken('box_office')).split('.');
  if (kind === 'signature') return [header, payload, (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1)].join('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  claims.app_metadata.roles = ['admin'];
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

const BODIES = { 'body {}': '{}', 'malformed body': '{"status":' } as const;

function call(method: string, path: string, token: string | null, body: string): Promise<Reply> {
  const headers = token ? { Authorization: `Bearer ${token}` } : undefined;
  if (method === 'PUT') return request(concrete(path), { method, headers, body });
  return method === 'POST' ? postJson(concrete(path), body, { headers }) : request(concrete(path), { headers });
}

type Case = { name: string; token: () => Promise<string | null>; body: string; status: number; code: string };

function casesFor(method: string, roles: readonly StaffRole[]): Case[] {
  const bodies: [string, string][] = method !== 'GET' ? Object.entries(BODIES).map(([label, body]) => [`, ${label}`, body]) : [['', '']];
  const denied = bodies.flatMap(([label, body]): Case[] => [
    { name: `no token${label}`, token: async () => null, body, status: 401, code: 'unauthorized' },
    { name: `altered signature${label}`, token: () => tampered('signature'), body, status: 401, code: 'unauthorized' },
    { name: `payload rewritten to admin${label}`, token: () => tampered('payload'), body, status: 401, code: 'unauthorized' },
    ...refusedRoles(roles).map((role) => ({ name: `role ${role}${label}`, token: () => staffToken(role), body, status: 403, code: 'forbidden' })),
  ]);
  // An allowed role passes the gate: only then is the body read, and a malformed one is a 400.
  const allowed =
    method === 'POST'
      ? allowedRoles(roles).map((role) => ({ name: `role ${role} passes, malformed body`, token: () => staffToken(role), body: BODIES['malformed body'], status: 400, code: 'bad_request' }))
      : [];
  return [...denied, ...allowed];
}

describe('every /api/admin route is declared', () => {
  it('finds the staff functions', () => {
    expect(served.length).toBeGreaterThan(10);
  });

  it.each(served)('$path ($file) declares who may use it', ({ file, path }) => {
    expect(declared.filter((route) => route.file === file && route.path === path).map((route) => route.method)).not.toEqual([]);
  });

  it.each(declared)('$method $path ($file) is served at that path', ({ file, path }) => {
    expect(served).toContainEqual({ file, path });
  });
});

describe.each(declared)('$method $path (roles: $roles)', ({ method, path, roles }) => {
  it.each(casesFor(method, roles))('$name → $status', async ({ token, body, status, code }) => {
    const reply = await call(method, path, await token(), body);
    expect(reply.status).toBe(status);
    if (code === 'bad_request') expect(reply.body.error.code).toBe(code);
    else expect(reply.body).toEqual({ error: { code, message: MESSAGES[code as 'unauthorized' | 'forbidden'] } });
  });
});
