import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/lib/auth/claims.ts';
import { request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { dereferenced, schemaErrors, servedDocument } from './served-document.ts';

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document that passes the validator', async () => {
    const reply = await request('/api/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.body.openapi).toMatch(/^3\.1\./);
    await expect(SwaggerParser.validate(reply.body)).resolves.toBeTruthy();
  });

  it('is checked by a validator that does reject a broken document', async () => {
    const broken = await servedDocument();
    broken.paths['/api/surveys/{slug}'].get.responses['200'] = { content: {} };
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow(/description/);
  });

  it('gives every error the contract body and every staff operation the bearer and cookie schemes', async () => {
    const doc = await servedDocument();
    const errorBody = doc.components.schemas.Error;
    expect(errorBody.required).toEqual(['error']);
    expect(errorBody.properties.error.required).toEqual(['code', 'message']);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        for (const [status, response] of Object.entries(op.responses)) {
          // The health check's 503 carries its own body (DESIGN.md): the one answer that is not a contract error.
          if (Number(status) < 400 || (path === '/api/health' && status === '503')) continue;
          const name = response.$ref?.replace('#/components/responses/', '');
          expect(doc.components.responses[name!]?.content['application/json'].schema, `${status} of ${where}`).toEqual({ $ref: '#/components/schemas/Error' });
        }
        expect(op.responses['500'], where).toBeDefined();
        if (path.startsWith('/api/admin/')) {
          expect(op.security, where).toEqual([{ bearerAuth: [] }, { staffCookie: [] }]);
          expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(['401', '403']));
        }
      }
    }
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('describes the no-JS form and the Idempotency-Key of a public POST, and the CSV downloads', async () => {
    const doc = await servedDocument();
    const publicPosts = ['/api/surveys/{slug}/responses', '/api/events/{slug}/registrations', '/api/events/{slug}/waitlist', '/api/waitlist/offers/{token}/claim'];
    for (const path of publicPosts) {
      const post = doc.paths[path].post;
      expect(Object.keys(post.requestBody!.content), path).toEqual(['application/json', 'application/x-www-form-urlencoded']);
      expect(Object.keys(post.responses), path).toEqual(expect.arrayContaining(['201', '303', '409', '422', '429']));
      expect(post.parameters, path).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    }
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
    for (const path of ['/api/surveys/{slug}/open-data.csv', '/api/surveys/{slug}/data-dictionary.csv', '/api/admin/telephone/{slug}/report.csv', '/api/admin/exports/registrations.csv']) {
      expect(Object.keys(doc.paths[path].get.responses['200'].content!), path).toEqual(['text/csv']);
    }
  });
});

// What the served build answers, read against the schema the document gives for that answer.
const SAMPLES: { template: string; url: string; status: number; staff?: StaffRole }[] = [
  { template: '/api/health', url: '/api/health', status: 200 },
  { template: '/api/plan', url: '/api/plan', status: 200 },
  { template: '/api/surveys/{slug}', url: '/api/surveys/oferta-de-servicios', status: 200 },
  { template: '/api/surveys/{slug}', url: '/api/surveys/no-existe', status: 404 },
  { template: '/api/surveys/{slug}/results', url: '/api/surveys/satisfaccion-telefonica/results', status: 200 },
  { template: '/api/surveys/{slug}/open-data.json', url: '/api/surveys/satisfaccion-telefonica/open-data.json', status: 200 },
  { template: '/api/admin/surveys', url: '/api/admin/surveys', status: 200, staff: 'admin' },
  { template: '/api/admin/surveys', url: '/api/admin/surveys', status: 401 },
  { template: '/api/admin/surveys/{slug}', url: '/api/admin/surveys/oferta-de-servicios', status: 200, staff: 'admin' },
  { template: '/api/admin/telephone/{slug}', url: '/api/admin/telephone/satisfaccion-telefonica', status: 200, staff: 'interviewer' },
  { template: '/api/admin/telephone/{slug}/report', url: '/api/admin/telephone/satisfaccion-telefonica/report', status: 200, staff: 'admin' },
  { template: '/api/events/{slug}', url: '/api/events/leones-vs-halcones', status: 200 },
  { template: '/api/events/{slug}', url: '/api/events/no-existe', status: 404 },
  { template: '/api/admin/events', url: '/api/admin/events', status: 200, staff: 'box_office' },
  { template: '/api/admin/events/{slug}', url: '/api/admin/events/clinica-de-baloncesto-juvenil', status: 200, staff: 'communications' },
  { template: '/api/admin/events/{slug}/registrations', url: '/api/admin/events/clinica-de-baloncesto-juvenil/registrations?q=mariana', status: 200, staff: 'box_office' },
  { template: '/api/admin/events/{slug}/registrations', url: '/api/admin/events/leones-vs-halcones/registrations', status: 403, staff: 'interviewer' },
];

describe('the described answers', () => {
  it.each(SAMPLES)('$url answers $status as its description says', async ({ template, url, status, staff }) => {
    const doc = await dereferenced();
    const reply = await request(url, { headers: staff ? await bearer(staff) : {} });
    expect(reply.status).toBe(status);
    const schema = doc.paths[template].get.responses[String(status)].content!['application/json'].schema;
    expect(schemaErrors(schema, reply.body)).toEqual([]);
  });
});
