import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/lib/http/headers.ts';
import { question } from '../accountability/fixture.ts';
import { expectStrictCsp } from '../support/csp.ts';
import { sql } from '../support/db.ts';
import { postJson, request, type Reply } from '../support/http.ts';
import { sampleAnswers } from '../support/surveys.ts';
import { startNetlifySite, type NetlifySite } from './netlify-site.ts';

// The deployed shape: the same build under Netlify's own CLI (functions bundled by Netlify, its router,
// netlify.toml's headers), on the test database. A smoke test: Netlify is slow to start, so each
// capability is touched once here and tested in depth against the served build.
let site: NetlifySite;
const get = (path: string) => request(path, { base: site.url });
const post = (path: string, body: unknown) => postJson(path, body, { base: site.url });

function expectSecurityHeaders(reply: Reply, path: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (name !== 'Content-Security-Policy') expect(reply.headers.get(name), `${name} on ${path}`).toBe(value);
  }
  expectStrictCsp(reply, path);
}

describe('netlify serve --offline', () => {
  beforeAll(async () => {
    site = await startNetlifySite(240_000);
  }, 300_000);

  afterAll(async () => {
    await site?.stop();
  }, 30_000);

  it('serves the plan as a page and as JSON, with the security headers', async () => {
    const api = await get('/api/plan');
    expect(api.status).toBe(200);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    const activities: { code: string; title: string }[] = api.body.phases.flatMap((p: { activities: unknown[] }) => p.activities);
    expect(activities.map((a) => a.code)).toContain('1.1');
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(home.text).toContain(activities[0].title);
    // The build inlines the CSS; the beacon is the static file every read page loads after its first paint.
    const beacon = await get('/visitas.js');
    expect(beacon.status).toBe(200);
    for (const [path, reply] of [['/', home], ['/api/plan', api]] as const) expectSecurityHeaders(reply, path);
    expect(beacon.headers.get('content-security-policy'), "netlify.toml's policy on a file").toMatch(/script-src 'self' 'sha256-[^']+';.*frame-ancestors 'none'/);
  }, 60_000);

  it('takes a response to the open survey 1.1', async () => {
    const definition = await get('/api/surveys/oferta-de-servicios');
    expect(definition.status).toBe(200);
    const reply = await post('/api/surveys/oferta-de-servicios/responses', { answers: sampleAnswers(definition.body.questions), consent: true });
    expect(reply.status).toBe(201);
    expect(reply.body.id).toEqual(expect.any(String));
    expectSecurityHeaders(reply, 'POST /api/surveys/oferta-de-servicios/responses');
  }, 60_000);

  it('registers tickets for the seeded open event, in the test database', async () => {
    // A range of its own: tests/openapi registers for the same seeded event, and a document registers once.
    const documentId = String(90_000_000 + Math.floor(Math.random() * 1e6));
    const reply = await post('/api/events/leones-vs-halcones/registrations', {
      fullName: 'Laura Gómez',
      documentType: 'CC',
      documentId,
      email: `laura${documentId}@example.co`,
      quantity: 2,
      consent: true,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/), quantity: 2 });
    const [row] = await sql`select quantity from public.event_registrations where code = ${reply.body.code}`;
    expect(row).toEqual({ quantity: 2 });
  }, 60_000);

  it('takes a question for the hearing taking questions now', async () => {
    const reply = await post('/api/hearings/audiencia-1/questions', question());
    expect(reply.status).toBe(201);
    expect(reply.body.id).toEqual(expect.any(String));
  }, 60_000);

  it('answers an unknown slug with 404 and the contract error', async () => {
    const reply = await get('/api/events/no-existe');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expectSecurityHeaders(reply, '/api/events/no-existe');
  }, 60_000);
});
