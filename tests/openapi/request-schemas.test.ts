import { describe, expect, it } from 'vitest';
import { newKey, postJson } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { countResponses, createSurvey, VALID_ANSWERS } from '../support/surveys.ts';
import { dereferenced, schemaErrors } from './served-document.ts';

async function requestSchema(path: string): Promise<object> {
  const doc = await dereferenced();
  return doc.paths[path].post.requestBody!.content['application/json'].schema;
}

describe('request schemas in /api/openapi.json reject what the functions reject', () => {
  const valid = { answers: VALID_ANSWERS, consent: true };
  const rejected: [string, Record<string, unknown>, string][] = [
    ['without consent', { answers: VALID_ANSWERS }, 'consent'],
    ['with consent false', { ...valid, consent: false }, 'consent'],
    ['with an unknown field', { ...valid, color: 'azul' }, 'color'],
    ['on the phone channel', { ...valid, channel: 'phone' }, 'channel'],
    ['with the honeypot filled', { ...valid, website: 'http://spam.example' }, ''],
  ];

  it('accepts a survey response the function records', async () => {
    const schema = await requestSchema('/api/surveys/{slug}/responses');
    const slug = await createSurvey();
    expect(schemaErrors(schema, valid)).toEqual([]);
    expect((await postJson(`/api/surveys/${slug}/responses`, valid)).status).toBe(201);
  });

  it.each(rejected)('refuses a survey response %s, as the function does', async (_case, body, field) => {
    const schema = await requestSchema('/api/surveys/{slug}/responses');
    const slug = await createSurvey();
    expect(schemaErrors(schema, body)).not.toEqual([]);
    const reply = await postJson(`/api/surveys/${slug}/responses`, body, { headers: { 'Idempotency-Key': newKey() } });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('validation_failed');
    if (field) expect(Object.keys(reply.body.error.fields)).toContain(field);
    expect(await countResponses(slug)).toBe(0);
  });

  it('refuses an unknown plan status in the document and in the function', async () => {
    const schema = await requestSchema('/api/admin/plan/activities/{code}/status');
    expect(schemaErrors(schema, { status: 'done' })).toEqual([]);
    expect(schemaErrors(schema, { status: 'finished' })).not.toEqual([]);
    const reply = await postJson('/api/admin/plan/activities/1.1/status', { status: 'finished' }, { headers: await bearer('admin') });
    expect(reply.status).toBe(422);
    expect(Object.keys(reply.body.error.fields)).toEqual(['status']);
  });
});
