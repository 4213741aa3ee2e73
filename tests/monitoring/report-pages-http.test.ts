import { describe, expect, it } from 'vitest';
import { request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';

describe('monitoring report pages', () => {
  it('render the visits report for a period with the period in the title, a chart per table and no script but the beacon', async () => {
    const page = await request('/informes/monitoreo/sitio?desde=2026-10-01&hasta=2026-10-31&por=semana');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Informe de monitoreo de las visitas del sitio web, del 1 de octubre de 2026 al 31 de octubre de 2026</h1>');
    expect(page.text).toMatch(/<title>Informe de monitoreo de las visitas del sitio web, del 1 de octubre de 2026 al 31 de octubre de 2026 · /);
    expect(page.text).toContain('href="/informes/monitoreo/sitio.csv?desde=2026-10-01&amp;hasta=2026-10-31&amp;por=semana"');
    for (const caption of ['Visitas y visitantes únicos por semana', 'Páginas más vistas', 'Procedencia de las visitas', 'Campañas', 'Dispositivos']) {
      expect(page.text).toContain(`<caption>${caption}</caption>`);
    }
    expect([...page.text.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual(['<script data-visitas>']);
  });

  it('are reached from the home page through the evidence of activities 4.1 and 4.2', async () => {
    const home = await request('/');
    expect(home.text).toMatch(/href="\/informes\/monitoreo\/sitio(\?[^"]*)?"/);
    expect(home.text).toMatch(/href="\/informes\/monitoreo\/redes(\?[^"]*)?"/);
  });

  it('says what is wrong with a period and shows the default one', async () => {
    const page = await request('/informes/monitoreo/sitio?desde=2026-10-31&hasta=2026-10-01');
    expect(page.status).toBe(200);
    expect(page.text).toContain('La fecha inicial debe ser anterior o igual a la final.');
  });

  it('exports the same figures as CSV', async () => {
    const csv = await request('/informes/monitoreo/sitio.csv?desde=2026-10-01&hasta=2026-10-31');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="monitoreo-sitio-2026-10-01-a-2026-10-31.csv"');
    expect(csv.text.split('\r\n')[0]).toBe('seccion,valor,visitas,visitantes_unicos_diarios');
    expect(csv.text).toMatch(/\r\nperiodo_dia,2026-10-01,\d+,\d+\r\n/);
    const networks = await request('/informes/monitoreo/redes.csv?desde=2026-01-01&hasta=2026-10-31');
    const rows = networks.text.trim().split('\r\n');
    expect(rows[0]).toBe('red,mes,fecha_medicion,seguidores,cambio,cambio_porcentual,publicaciones,alcance,interacciones');
    expect(rows).toContain('Facebook,2026-06,2026-06-30,18940,690,3.8,61,142000,8120');
    expect(rows).toContain('X,2026-09,2026-09-30,6322,-68,-1.1,84,36500,1270');
  });

  it('flags increases and decreases in words on the networks report', async () => {
    const page = await request('/informes/monitoreo/redes?desde=2026-01-01&hasta=2026-10-31');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Informe de monitoreo de las redes sociales, del 1 de enero de 2026 al 31 de octubre de 2026');
    expect(page.text).toContain('<span class="trend-down">Disminución</span>');
    expect(page.text).toContain('<span class="trend-up">Aumento</span>');
  });

  it('keep the staff versions to communications and admin', async () => {
    for (const path of ['/staff/monitoreo/sitio', '/staff/monitoreo/redes']) {
      expect((await request(path)).status).toBe(401);
      expect((await request(path, { headers: await bearer('box_office') })).status).toBe(403);
      const staff = await request(path, { headers: await bearer('communications') });
      expect(staff.status).toBe(200);
      expect(staff.text).toContain('Publicar como evidencia');
      expect(staff.text).not.toContain('/visitas.js');
    }
  });
});
