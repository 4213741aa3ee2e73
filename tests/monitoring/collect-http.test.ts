import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postJson, request } from '../support/http.ts';

const BROWSER = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36';
const uniquePath = (prefix = '/prueba-visitas') => `${prefix}/${randomUUID()}`;
const collect = (body: unknown, headers: Record<string, string> = {}, ip?: string) =>
  postJson('/api/collect', body, { headers: { 'user-agent': BROWSER, ...headers }, ip });
const viewsOf = (path: string) => sql`select * from public.page_views where path = ${path} order by id`;

describe('POST /api/collect', () => {
  it('answers 202 without a cookie and stores the view with nothing personal in it', async () => {
    const path = uniquePath();
    const ip = '203.0.113.77';
    const geo = Buffer.from(JSON.stringify({ city: 'Medellín', country: { code: 'CO', name: 'Colombia' }, subdivision: { code: 'ANT', name: 'Antioquia' } })).toString('base64');
    const reply = await collect(
      { path: `${path}?codigo=SECRETO#arriba`, referrer: 'https://www.Google.com/search?q=nombre+apellido', utm: { source: 'Facebook', medium: 'Social', campaign: 'percepcion-redes' } },
      { 'x-nf-geo': geo },
      ip,
    );
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({});
    expect(reply.headers.get('set-cookie')).toBeNull();

    const [view] = await viewsOf(path);
    expect(view).toMatchObject({
      path,
      referrer_host: 'google.com',
      utm_source: 'facebook',
      utm_medium: 'social',
      utm_campaign: 'percepcion-redes',
      device: 'mobile',
      browser: 'Samsung Internet',
      country: 'CO',
      region: 'ANT',
    });
    expect(view.visitor).toMatch(/^[0-9a-f]{16}$/);
    // Nothing in the row is the address, the user agent or the search words of the referrer.
    const stored = JSON.stringify(view);
    for (const secret of [ip, 'SM-A546E', 'Android', 'SECRETO', 'apellido', 'Medellín']) expect(stored).not.toContain(secret);
    const columns = (await sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = 'page_views'`).map((c) => c.column_name);
    expect(columns.sort()).toEqual(['browser', 'country', 'day', 'device', 'id', 'path', 'referrer_host', 'region', 'utm_campaign', 'utm_medium', 'utm_source', 'viewed_at', 'visitor'].sort());
  });

  it('counts the same browser once a day and another browser apart, by the day-salted hash', async () => {
    const path = uniquePath();
    await collect({ path }, {}, '198.51.100.10');
    await collect({ path }, {}, '198.51.100.10');
    await collect({ path }, {}, '198.51.100.11');
    const visitors = (await viewsOf(path)).map((v) => v.visitor);
    expect(visitors[0]).toBe(visitors[1]);
    expect(visitors[2]).not.toBe(visitors[0]);
    // Today's salt is the only one kept: yesterday's visitors can no longer be linked to anyone.
    const salts = await sql`select day::text from private.visit_salts`;
    expect(salts.map((s) => s.day)).toEqual([(await sql`select ((now() at time zone 'America/Bogota')::date)::text as d`)[0].d]);
  });

  it('links inside the site are no referrer, nor a direct visit or a made-up one', async () => {
    const inside = uniquePath();
    const host = new URL(process.env.PARTICIPA_URL ?? 'http://127.0.0.1:4321').host;
    await collect({ path: inside, referrer: `http://${host}/encuestas` });
    await collect({ path: inside });
    await collect({ path: inside, referrer: `https://${'a'.repeat(300)}.co/` });
    await collect({ path: inside, referrer: 'javascript:alert(1)' });
    expect((await viewsOf(inside)).map((v) => v.referrer_host)).toEqual([null, null, null, null]);
  });

  it.each([
    ['a bot', { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }],
    ['a headless browser', { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36' }],
    ['Do Not Track', { dnt: '1' }],
    ['Global Privacy Control', { 'sec-gpc': '1' }],
  ])('answers %s the same 202 and stores nothing', async (_name, headers) => {
    const path = uniquePath();
    const reply = await collect({ path }, headers);
    expect(reply.status).toBe(202);
    expect(await viewsOf(path)).toHaveLength(0);
  });

  it('counts a replay with the same Idempotency-Key once, and refuses the key with another body', async () => {
    const path = uniquePath();
    const key = randomUUID();
    expect((await collect({ path }, { 'idempotency-key': key })).status).toBe(202);
    expect((await collect({ path }, { 'idempotency-key': key })).status).toBe(202);
    expect(await viewsOf(path)).toHaveLength(1);
    const other = await collect({ path: `${path}/otra` }, { 'idempotency-key': key });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('duplicate');
    expect((await collect({ path }, { 'idempotency-key': 'con espacios' })).status).toBe(400);
  });

  it('keeps campaign words but not the separator the rollup joins them with', async () => {
    const path = uniquePath();
    await collect({ path, utm: { source: 'Face|book', campaign: 'Invitación|Audiencia 2' } });
    const [view] = await viewsOf(path);
    expect([view.utm_source, view.utm_campaign]).toEqual(['face/book', 'Invitación/Audiencia 2']);
  });

  it('does not count staff pages or the API', async () => {
    const staff = `/staff/${randomUUID()}`;
    expect((await collect({ path: staff })).status).toBe(202);
    expect(await viewsOf(staff)).toHaveLength(0);
  });

  it('refuses a client past the rate limit (429 with Retry-After) and still counts another address', async () => {
    const path = uniquePath();
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    const [rule] = await sql`select max_hits from private.rate_limit_rules where bucket = 'page_view'`;
    const statuses: number[] = [];
    for (let sent = 0; sent < rule.max_hits; sent += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, rule.max_hits - sent) }, () => collect({ path }, {}, ip)));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(new Set(statuses)).toEqual(new Set([202]));
    const limited = await collect({ path }, {}, ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await collect({ path }, {}, '192.0.2.250')).status).toBe(202);
    expect(await viewsOf(path)).toHaveLength(rule.max_hits + 1);
  });

  it('refuses bad input with the contract error shape', async () => {
    const noSlash = await collect({ path: 'encuestas' });
    expect(noSlash.status).toBe(422);
    expect(noSlash.body.error.code).toBe('validation_failed');
    expect(noSlash.body.error.fields.path).toMatch(/empezar por \//);
    const extra = await collect({ path: '/', ip: '1.2.3.4' });
    expect(extra.status).toBe(422);
    expect(extra.body.error.fields.ip).toBe('Este campo no está permitido.');
    const long = await collect({ path: '/', utm: { campaign: 'x'.repeat(101) } });
    expect(long.body.error.fields['utm.campaign']).toMatch(/100/);
    expect((await collect('{"path":')).status).toBe(400);
    const text = await request('/api/collect', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"path":"/"}' });
    expect(text.status).toBe(415);
    const get = await request('/api/collect');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});
