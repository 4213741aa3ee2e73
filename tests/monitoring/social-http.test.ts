import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postForm, postJson } from '../support/http.ts';
import { bearer } from '../support/staff.ts';

// Days long past, so no other test's "latest followers" (the 2.2 reach) ever changes because of these.
const randomDay = () => `2018-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
const snapshotsOn = (day: string) => sql`select network, followers, posts, reach, engagement from public.social_followers where measured_on = ${day} order by network`;

describe('social-network snapshots (plan 4.1)', () => {
  it('records one snapshot with its optional figures, and a second reading the same day corrects the first', async () => {
    const headers = await bearer('communications');
    const day = randomDay();
    const first = await postJson('/api/admin/monitoring/snapshots', { network: 'linkedin', measuredOn: day, followers: '1.035', posts: 9, reach: '6100', engagement: 260 }, { headers });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toEqual({ network: 'linkedin', measuredOn: day, followers: 1035, posts: 9, reach: 6100, engagement: 260 });
    const corrected = await postJson('/api/admin/monitoring/snapshots', { network: 'linkedin', measuredOn: day, followers: 1040 }, { headers });
    expect(corrected.body).toEqual({ network: 'linkedin', measuredOn: day, followers: 1040, posts: 9, reach: 6100, engagement: 260 });
    expect(await snapshotsOn(day)).toContainEqual({ network: 'linkedin', followers: 1040, posts: 9, reach: 6100, engagement: 260 });
    const audited = await sql`select count(*)::int as n from private.audit_log where table_name = 'social_followers' and row_id = 'linkedin'`;
    expect(audited[0].n).toBeGreaterThanOrEqual(2);
  });

  it('answers the staff form with a redirect to the networks page', async () => {
    const headers = await bearer('communications');
    const ok = await postForm('/api/admin/monitoring/snapshots', [['network', 'tiktok'], ['measuredOn', randomDay()], ['followers', '500'], ['posts', ''], ['reach', ''], ['engagement', '']], { headers });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/staff/monitoreo/redes?ok=cifras');
    const bad = await postForm('/api/admin/monitoring/snapshots', [['network', 'tiktok'], ['measuredOn', '2099-01-01'], ['followers', 'muchos']], { headers });
    expect(bad.headers.get('location')).toMatch(/^\/staff\/monitoreo\/redes\?error=/);
    expect(decodeURIComponent(bad.headers.get('location')!)).toMatch(/futura/);
  });

  it('imports a CSV all or nothing, and every error names its row and column', async () => {
    const headers = await bearer('communications');
    const [a, b] = [randomDay(), randomDay()].sort();
    const refused = await postJson(
      '/api/admin/monitoring/snapshots/import',
      { csv: `red;fecha;seguidores;publicaciones\nyoutube;${a};2310;4\nfacebook;${b};muchos;2\nmyspace;${b};10;\n` },
      { headers },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe('Revise las filas marcadas: no se importó ninguna cifra.');
    expect(refused.body.error.fields).toEqual({
      'rows.3.seguidores': 'Fila 3, columna seguidores: escriba los seguidores como un número entero, sin decimales.',
      'rows.4.red': 'Fila 4, columna red: elija una red: Facebook, Instagram, X, TikTok, YouTube, LinkedIn o WhatsApp.',
    });
    expect((await snapshotsOn(a)).filter((s) => s.network === 'youtube' && s.followers === 2310)).toEqual([]);

    const imported = await postJson('/api/admin/monitoring/snapshots/import', { csv: `red,fecha,seguidores,publicaciones\nyoutube,${a},2311,4\nwhatsapp,${b},77,\n` }, { headers });
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body).toEqual({ imported: 2 });
    expect(await snapshotsOn(a)).toContainEqual({ network: 'youtube', followers: 2311, posts: 4, reach: null, engagement: null });
    expect(await snapshotsOn(b)).toContainEqual({ network: 'whatsapp', followers: 77, posts: null, reach: null, engagement: null });
  });

  it('the SQL import checks again and writes nothing when a row is wrong', async () => {
    const day = randomDay();
    const result = await sql.begin(async (tx) => {
      await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: 'x', email: 'c@agencia.gov.co', app_metadata: { roles: ['communications'] } })}, true)`;
      await tx`set local role authenticated`;
      const rows = [
        { line: 2, network: 'instagram', measured_on: day, followers: 5 },
        { line: 3, network: 'instagram', measured_on: day, followers: 6 },
        { line: 4, network: 'x', measured_on: '2999-01-01', followers: 1 },
      ];
      const [{ r }] = await tx`select public.staff_import_social_snapshots(${tx.json(rows)}) as r`;
      return r;
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        message: 'Revise las filas marcadas: no se importó ninguna cifra.',
        fields: { 'rows.3.measuredOn': 'Fila 3: la red y la fecha ya están en la fila 2.', 'rows.4.measuredOn': 'Fila 4: la fecha de la medición no puede ser futura.' },
      },
    });
    expect(await snapshotsOn(day)).not.toContainEqual(expect.objectContaining({ network: 'instagram', followers: 5 }));
  });

  it('names the agency account per network', async () => {
    const headers = await bearer('communications');
    const saved = await postJson('/api/admin/monitoring/accounts', { network: 'linkedin', handle: ' Agencia de Participación ', url: 'https://www.linkedin.com/company/agencia' }, { headers });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toEqual({ network: 'linkedin', handle: 'Agencia de Participación', url: 'https://www.linkedin.com/company/agencia' });
    const bad = await postJson('/api/admin/monitoring/accounts', { network: 'linkedin', handle: '', url: 'http://inseguro' }, { headers });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['handle', 'url']);
  });

  it('keeps the survey 2.2 reach per 1,000 followers reading the latest snapshot', async () => {
    // Inside a transaction that is rolled back: today's YouTube count is shared with other tests.
    const reach = await sql
      .begin(async (tx) => {
        await tx`insert into public.social_followers (network, measured_on, followers, posts) values ('youtube', (now() at time zone 'America/Bogota')::date, 4000, 3)
                 on conflict (network, measured_on) do update set followers = 4000`;
        const [{ id }] = await tx`select id from public.surveys where slug = 'percepcion-redes'`;
        const [{ r }] = await tx`select private.survey_reach(${id}) as r`;
        const [{ n }] = await tx`select count(*)::int as n from public.survey_responses where survey_id = ${id} and source = 'youtube'`;
        throw Object.assign(new Error('rollback'), { reach: { row: r.find((x: { network: string }) => x.network === 'youtube'), n } });
      })
      .catch((e) => e.reach);
    expect(reach.row).toMatchObject({ followers: 4000, per1000: Math.round((1000 * reach.n) / 4000 * 100) / 100 });
  });

  it('lets only communications and admin write', async () => {
    for (const role of ['interviewer', 'box_office', 'advisor'] as const) {
      const reply = await postJson('/api/admin/monitoring/snapshots', { network: 'x', measuredOn: randomDay(), followers: 1 }, { headers: await bearer(role) });
      expect(reply.status).toBe(403);
    }
    expect((await postJson('/api/admin/monitoring/snapshots', { network: 'x', measuredOn: randomDay(), followers: 1 })).status).toBe(401);
  });
});
