import { describe, expect, it } from 'vitest';
import { formToObject, MAX_BODY_BYTES, readBody } from '../../src/lib/http/body.ts';

const post = (body: BodyInit, type: string | null, headers: Record<string, string> = {}) =>
  new Request('http://x/api', { method: 'POST', body, headers: { ...(type ? { 'content-type': type } : {}), ...headers } });

describe('formToObject', () => {
  it('nests dotted names and collects repeated names into lists', () => {
    const params = new URLSearchParams('answers.a=1&answers.b=x&answers.b=y&consent=true');
    expect(formToObject(params)).toEqual({ answers: { a: '1', b: ['x', 'y'] }, consent: 'true' });
  });

  it('ignores field names that would reach Object.prototype', () => {
    const parsed = formToObject(new URLSearchParams('__proto__.polluted=yes&answers.constructor=1&a.prototype.x=2&ok=1'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed).toEqual({ ok: '1' });
  });
});

describe('readBody', () => {
  it('reads JSON objects and forms alike', async () => {
    expect(await readBody(post('{"a":1}', 'application/json; charset=utf-8'))).toEqual({ ok: true, value: { kind: 'json', data: { a: 1 } } });
    expect(await readBody(post('a=1', 'application/x-www-form-urlencoded'))).toEqual({ ok: true, value: { kind: 'form', data: { a: '1' } } });
  });

  it('rejects other media types with unsupported_media_type', async () => {
    const result = await readBody(post('a', 'text/plain'));
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported_media_type' } });
    expect(await readBody(post('a', null))).toMatchObject({ ok: false, error: { code: 'unsupported_media_type' } });
  });

  it('rejects unreadable JSON and JSON that is not an object', async () => {
    expect(await readBody(post('{"a":', 'application/json'))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await readBody(post('[1,2]', 'application/json'))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('rejects bodies over 64 KB, also when no length is declared', async () => {
    const big = JSON.stringify({ a: 'x'.repeat(MAX_BODY_BYTES) });
    expect(await readBody(post(big, 'application/json'))).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 70; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const chunked = new Request('http://x/api', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(await readBody(chunked)).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
  });

  it('accepts a body of exactly 64 KB', async () => {
    const exact = JSON.stringify({ a: 'x'.repeat(MAX_BODY_BYTES - 8) });
    expect(exact.length).toBe(MAX_BODY_BYTES);
    expect(await readBody(post(exact, 'application/json'))).toMatchObject({ ok: true });
  });
});

describe('text PostgreSQL cannot store', () => {
  const refused = (fields: Record<string, string>) => ({ ok: false, error: { code: 'validation_failed', fields } });
  const M = 'Contiene caracteres no permitidos.';

  it('refuses a NUL or half a surrogate pair anywhere in a JSON body, naming each field', async () => {
    const body = '{"name":"a\\u0000b","answers":{"q1":["ok","\\ud800"],"q2":"\\udc00x"},"fine":"😀 \\u202e ñ"}';
    expect(await readBody(post(body, 'application/json'))).toEqual(refused({ name: M, 'answers.q1': M, 'answers.q2': M }));
  });

  it('refuses it in a name as well as in a value', async () => {
    expect(await readBody(post('{"a\\u0000":1}', 'application/json'))).toEqual(refused({ 'a\ufffd': M }));
  });

  it('refuses a NUL in a form', async () => {
    expect(await readBody(post('fullName=Ana%00&answers.q1=x', 'application/x-www-form-urlencoded'))).toEqual(refused({ fullName: M }));
  });

  it('keeps emoji, right-to-left marks and accents', async () => {
    expect(await readBody(post(JSON.stringify({ a: '👩🏽‍🌾 \u202e café' }), 'application/json'))).toMatchObject({ ok: true });
  });

  it('walks a body nested 20,000 levels deep without overflowing the stack', async () => {
    const deep = `{"a":${'['.repeat(20_000)}"\\u0000"${']'.repeat(20_000)}}`;
    expect(await readBody(post(deep, 'application/json'))).toEqual(refused({ a: M }));
  });
});
