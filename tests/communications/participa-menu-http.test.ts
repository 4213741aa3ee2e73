import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { request } from '../support/http.ts';

describe('Menú Participa', () => {
  it('has the six sections of Res. 1519 annex 2, each page listing exactly the activities mapped to it', async () => {
    const sections = await sql`select code, slug, title from public.participa_sections order by code`;
    expect(sections.map((s) => s.title)).toEqual([
      'Participación para el diagnóstico de necesidades e identificación de problemas',
      'Planeación y presupuesto participativo',
      'Consulta ciudadana',
      'Colaboración e innovación abierta',
      'Rendición de cuentas',
      'Control social',
    ]);
    const menu = await request('/participa');
    for (const section of sections) {
      expect(menu.text).toContain(`href="/participa/${section.slug}"`);
      const mapped = await sql`select activity_code from public.participa_section_activities where section_code = ${section.code} and plan_year = private.plan_year_in_force() order by activity_code`;
      const page = await request(`/participa/${section.slug}`);
      expect(page.status).toBe(200);
      const listed = [...page.text.matchAll(/data-activity="([\d.]+)"/g)].map((m) => m[1]).sort();
      expect(listed, section.slug).toEqual(mapped.map((m) => m.activity_code));
    }
  });

  it('a section lists its open calls and results: consultation shows the survey invitation and published survey results', async () => {
    const { text } = await request('/participa/consulta-ciudadana');
    expect(text).toContain('/participa/convocatorias/responda-la-encuesta-de-oferta');
    expect(text).toContain('href="/resultados/oferta-de-servicios"');
    expect(text).toContain('href="/resultados/percepcion-redes"');
  });

  it('the general items link to the strategy, the accountability strategy, the calendar, the open calls and the sign-up', async () => {
    const { text } = await request('/participa');
    for (const href of ['/participa/estrategia', '/participa/estrategia-rendicion-de-cuentas', '/participa/calendario', '/participa/convocatorias', '/participa/suscribirse']) {
      expect(text).toContain(`href="${href}"`);
      expect((await request(href)).status, href).toBe(200);
    }
  });

  it('the procedure and the plan are published with their version history', async () => {
    const procedure = await request('/participa/procedimiento');
    expect(procedure.text).toContain('Historial de versiones');
    expect(procedure.text).toMatch(/<th scope="row">1\.1<\/th>/);
    const plan = await request('/participa/plan');
    const versions = await sql`select version from public.plan_versions where plan_year = private.plan_year_in_force()`;
    for (const { version } of versions) expect(plan.text).toContain(`<th scope="row">${version}</th>`);
  });

  it('training sessions list attendance and materials, and a session with sign-ups links to its tickets event', async () => {
    const { text } = await request('/participa/capacitaciones');
    expect(text).toContain('48 personas');
    expect(text).toContain('href="/servicios/boleteria/taller-rendicion-de-cuentas"');
    expect((await request('/servicios/boleteria/taller-rendicion-de-cuentas')).status).toBe(200);
  });

  it('is reachable from the home page and the plan activities 5.1, 5.2 and 5.3 link to their pages', async () => {
    const { text } = await request('/');
    expect(text).toContain('href="/participa"');
    expect(text).toContain('href="/participa/convocatorias"');
    const [row] = await sql`select action_href from public.plan_activities where code = '5.3' and year = private.plan_year_in_force()`;
    expect(row.action_href).toBe('/resultados#incidencia');
  });
});
