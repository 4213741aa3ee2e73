import { describe, expect, it } from 'vitest';
import { request } from '../support/http.ts';

// Every public section is reachable by links from `/` (DESIGN.md), and a link that leads nowhere is a
// broken promise to a citizen: walk the site from the home page as a visitor would, without JavaScript.
const SAME_SITE_LINK = /href="(\/(?!\/)[^"#]*)(?:#[^"]*)?"/g;
const STAFF = /^\/(staff|api\/admin)(\/|$)/;

describe('the public site, walked from /', () => {
  it('reaches every public section and no link answers with an error', async () => {
    const from = new Map<string, string>([['/', '(inicio)']]);
    const queue = ['/'];
    const broken: string[] = [];
    // A link pattern that never ends (a calendar paging forever) is a bug too: the walk stops and fails.
    while (queue.length > 0 && from.size < 3_000) {
      const batch = queue.splice(0, 16);
      await Promise.all(
        batch.map(async (path) => {
          const reply = await request(path);
          if (reply.status >= 400) broken.push(`${reply.status} ${path} (enlazada desde ${from.get(path)})`);
          if (!(reply.headers.get('content-type') ?? '').includes('text/html')) return;
          for (const [, raw] of reply.text.matchAll(SAME_SITE_LINK)) {
            const href = raw.replaceAll('&amp;', '&');
            if (href === '' || STAFF.test(href) || from.has(href)) continue;
            from.set(href, path);
            queue.push(href);
          }
        }),
      );
    }
    expect(broken).toEqual([]);
    expect(queue, 'the walk ended by itself').toEqual([]);
    for (const section of [
      '/encuestas/oferta-de-servicios',
      '/servicios/boleteria',
      '/servicios/asesorias',
      '/rendicion-de-cuentas/audiencias/audiencia-1',
      '/rendicion-de-cuentas/informe/2026',
      '/participa/convocatorias',
      '/resultados',
      '/informes/monitoreo/sitio',
      '/informes/monitoreo/redes',
      '/informes/diagnostico/2025',
      '/informes/politica-papel',
      '/mapa-del-sitio',
    ]) {
      expect(from.has(section), `${section} is reached from /`).toBe(true);
    }
  }, 120_000);
});
