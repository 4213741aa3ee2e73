import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postForm, postJson } from '../support/http.ts';
import { bearer } from '../support/staff.ts';

const evidenceOf = (code: string, base: string) =>
  sql`select label, url from public.plan_evidence where activity_code = ${code} and (url = ${base} or url like ${`${base}?%`})`;

describe('publishing a monitoring report as plan evidence', () => {
  it('points the activity evidence at the period published, one link per activity', async () => {
    const headers = await bearer('communications');
    const first = await postJson('/api/admin/monitoring/reports/sitio/publish', { desde: '2026-10-01', hasta: '2026-10-31' }, { headers });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({
      activityCode: '4.2',
      label: 'Informe de monitoreo de las visitas del sitio web, del 2026-10-01 al 2026-10-31',
      url: '/informes/monitoreo/sitio?desde=2026-10-01&hasta=2026-10-31',
    });
    const second = await postForm('/api/admin/monitoring/reports/sitio/publish', [['desde', '2026-09-01'], ['hasta', '2026-09-30']], { headers });
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe('/staff/monitoreo/sitio?ok=publicado');
    expect(await evidenceOf('4.2', '/informes/monitoreo/sitio')).toEqual([
      { label: 'Informe de monitoreo de las visitas del sitio web, del 2026-09-01 al 2026-09-30', url: '/informes/monitoreo/sitio?desde=2026-09-01&hasta=2026-09-30' },
    ]);

    const networks = await postJson('/api/admin/monitoring/reports/redes/publish', { desde: '2026-01-01', hasta: '2026-10-31' }, { headers });
    expect(networks.body).toMatchObject({ activityCode: '4.1', url: '/informes/monitoreo/redes?desde=2026-01-01&hasta=2026-10-31' });
    expect(await evidenceOf('4.1', '/informes/monitoreo/redes')).toHaveLength(1);
    const audited = await sql`select count(*)::int as n from private.audit_log where table_name = 'plan_evidence' and action = 'update'`;
    expect(audited[0].n).toBeGreaterThan(0);
  });

  it('refuses an unknown report, a bad period and other roles', async () => {
    const headers = await bearer('communications');
    expect((await postJson('/api/admin/monitoring/reports/prensa/publish', { desde: '2026-10-01', hasta: '2026-10-31' }, { headers })).status).toBe(404);
    const backwards = await postJson('/api/admin/monitoring/reports/sitio/publish', { desde: '2026-10-31', hasta: '2026-10-01' }, { headers });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.fields.desde).toMatch(/periodo/);
    const shapeless = await postJson('/api/admin/monitoring/reports/sitio/publish', { desde: 'octubre' }, { headers });
    expect(Object.keys(shapeless.body.error.fields).sort()).toEqual(['desde', 'hasta']);
    expect((await postJson('/api/admin/monitoring/reports/sitio/publish', { desde: '2026-10-01', hasta: '2026-10-31' }, { headers: await bearer('box_office') })).status).toBe(403);
  });
});
