import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/lib/error-messages.ts';
import { PARTICIPA_URL } from '../support/env.ts';
import { postForm, request } from '../support/http.ts';

// The two answers an API client gets when the address or the method is wrong, checked over HTTP on every
// path the functions declare (read from their config, so a new function is covered without editing this).
const dir = resolve(import.meta.dirname, '../../functions');
type Config = { path?: string | string[] };
const configs = await Promise.all(
  readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .map(async (file) => ({ file, config: ((await import(pathToFileURL(join(dir, file)).href)) as { config?: Config }).config ?? {} })),
);
const served = configs.flatMap(({ config }) => [config.path ?? []].flat()).filter((path) => path.startsWith('/api/'));

const SAMPLES: Record<string, string> = { slug: 'oferta-de-servicios', code: '1.1', id: '00000000-0000-4000-8000-000000000000', year: '2026', kind: 'survey', report: 'sitio', index: '0', token: 'muestra' };
const concrete = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => SAMPLES[name] ?? 'muestra');

const document = await (await fetch(`${PARTICIPA_URL}/api/openapi.json`)).json();
const documented = (path: string): string[] | undefined => {
  const item = document.paths[path.replace(/:(\w+)/g, '{$1}')];
  return item && Object.keys(item).filter((key) => ['get', 'post', 'put', 'patch', 'delete'].includes(key)).map((m) => m.toUpperCase());
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const NOT_FOUND = { error: { code: 'not_found', message: MESSAGES.not_found } };

describe('an /api/ address no endpoint serves answers the JSON 404', () => {
  const unknown = ['/api', '/api/nope', '/api/admin/nope', '/api/admin/events/x/y/z', '/api/events/x/y', '/api/health/extra', '/api/surveys/oferta-de-servicios/nope'];

  it.each(unknown.flatMap((path) => METHODS.map((method) => ({ path, method }))))('$method $path → 404', async ({ path, method }) => {
    const reply = await request(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toContain('application/json');
    expect(reply.body).toEqual(NOT_FOUND);
  });

  it('also to a form posted from another site (the pages would refuse it as cross-site, in text)', async () => {
    const reply = await postForm('/api/nope', [['a', '1']], { headers: { origin: 'https://otro.example' } });
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual(NOT_FOUND);
  });
});

describe.each(served.map((path) => ({ path })))('$path', ({ path }) => {
  it('answers 405 with Allow for a method it lacks, and no 405 for a method Allow names', async () => {
    const replies = await Promise.all(METHODS.map(async (method) => ({ method, reply: await request(concrete(path), { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{' }) })));
    const refused = replies.filter(({ reply }) => reply.status === 405);
    expect(refused.length, 'every path lacks some method').toBeGreaterThan(0);
    const allow = refused[0].reply.headers.get('allow')?.split(', ') ?? [];
    for (const { reply } of refused) {
      expect(reply.body).toEqual({ error: { code: 'method_not_allowed', message: MESSAGES.method_not_allowed } });
      expect(reply.headers.get('allow')?.split(', ')).toEqual(allow);
    }
    expect(replies.filter(({ reply }) => reply.status !== 405).map(({ method }) => method).sort()).toEqual([...allow].sort());
    const inDocument = documented(path);
    if (inDocument) expect([...allow].sort()).toEqual(inDocument.sort());
  });
});
