import { describe, expect, it } from 'vitest';
import { publicRoutes, routeOf } from '../../src/components/communications/site-map.ts';
import settings from '../../src/settings/entity.json';
import { ENTITY } from '../../src/settings/entity.ts';
import { request } from '../support/http.ts';

const PAGES = ['/', '/encuestas', '/servicios', '/rendicion-de-cuentas', '/resultados', '/participa', '/participa/convocatorias', '/datos-personales', '/accesibilidad', '/mapa-del-sitio'];

describe('the portal as a Colombian public website (Res. 1519 de 2020, annex 2)', () => {
  it('every page opens with the GOV.CO bar linking to the state\'s single portal', async () => {
    for (const path of PAGES) {
      const { text } = await request(path);
      const bar = text.indexOf('class="govco-bar"');
      expect(bar, path).toBeGreaterThan(-1);
      expect(bar, path).toBeLessThan(text.indexOf('class="site-header"'));
      expect(text.slice(bar, bar + 400)).toContain('href="https://www.gov.co"');
    }
  });

  it('every page\'s footer carries the annex items, all taken from the settings file', async () => {
    for (const path of PAGES) {
      const { text } = await request(path);
      const footer = text.slice(text.indexOf('<footer'));
      expect(footer, path).toContain(ENTITY.name);
      // The settings' SVG logo is drawn inline (no request), named by its alt text.
      expect(footer).toContain(`<span class="footer-logo" role="img" aria-label="${settings.logo.alt}"><svg`);
      expect(footer).toContain(settings.address);
      expect(footer).toContain(settings.hours);
      for (const phone of settings.phones) expect(footer).toContain(phone.number);
      expect(footer).toContain(`mailto:${ENTITY.email}`);
      expect(footer).toContain(`mailto:${settings.judicialNotificationsEmail}`);
      for (const network of settings.socialNetworks) expect(footer).toContain(`href="${network.url}"`);
      for (const href of ['/terminos-de-uso', '/datos-personales', '/derechos-de-autor', '/mapa-del-sitio', '/accesibilidad']) expect(footer).toContain(`href="${href}"`);
    }
  });

  it('the policy pages, the accessibility statement and the site map exist', async () => {
    for (const path of ['/terminos-de-uso', '/derechos-de-autor', '/accesibilidad', '/mapa-del-sitio']) expect((await request(path)).status, path).toBe(200);
  });

  it('the site map lists every public page the routes declare, itself and the Participa sections included', async () => {
    const { text } = await request('/mapa-del-sitio');
    for (const href of ['/', '/encuestas', '/servicios/boleteria', '/resultados', '/participa/convocatorias', '/participa/control-social', '/accesibilidad', '/mapa-del-sitio']) {
      expect(text, href).toContain(`<a href="${href}">`);
    }
    const main = text.slice(text.indexOf('<main'), text.indexOf('</main>'));
    expect(main).not.toContain('href="/staff');
  });
});

describe('site map from routes', () => {
  it('keeps public pages and leaves out staff, API, error, dynamic and one-off pages', () => {
    expect(routeOf('./index.astro')).toBe('/');
    expect(routeOf('./participa/plan.astro')).toBe('/participa/plan');
    expect(routeOf('./encuestas/index.astro')).toBe('/encuestas');
    for (const file of ['./staff/index.astro', './encuestas/[slug].astro', './404.astro', './participa/calendario.ics.ts', './participa/suscripcion/confirmar.astro']) {
      expect(routeOf(file), file).toBeNull();
    }
    const groups = publicRoutes(['./index.astro', './participa/index.astro', './accesibilidad.astro'], [{ path: '/participa/diagnostico', label: 'Diagnóstico' }]);
    expect(groups.map((g) => [g.id, g.pages.map((p) => p.path)])).toEqual([
      ['participa', ['/participa', '/participa/diagnostico']],
      ['politicas', ['/accesibilidad']],
      ['portal', ['/']],
    ]);
  });
});
