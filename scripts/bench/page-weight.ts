import { gzipSync } from 'node:zlib';
import { BEACON_LOADER, BEACON_SRC } from '../../src/lib/monitoring/beacon.ts';
import type { BenchContext } from './types.ts';
import { servedBuild } from './served.ts';

export const PAGES = [
  '/',
  '/encuestas',
  '/encuestas/oferta-de-servicios',
  '/encuestas/oferta-de-servicios/gracias',
  '/resultados',
  '/resultados/oferta-de-servicios',
  '/informes/telefonico/satisfaccion-telefonica',
  '/servicios/boleteria',
  '/servicios/boleteria/leones-vs-halcones',
  '/informes/boleteria',
  '/datos-personales',
  '/informes/monitoreo/sitio',
  '/informes/monitoreo/redes',
  '/servicios/asesorias',
  '/informes/asesorias',
  '/rendicion-de-cuentas',
  '/rendicion-de-cuentas/audiencias/audiencia-1',
  '/rendicion-de-cuentas/informe/2026',
  '/participa',
  '/participa/convocatorias',
  '/informes/diagnostico/2025',
  '/informes/politica-papel',
];

/** Budget: read pages ≤ 50 KB gzip including CSS, 0 bytes of client JavaScript besides the beacon. */
export async function benchPageWeight({ databaseUrl, log }: BenchContext): Promise<void> {
  const server = await servedBuild(databaseUrl);
  try {
    // The beacon is not in the HTML: its inline loader adds it after the first paint.
    const beacon = gzipSync(Buffer.from(await (await fetch(`${server.url}${BEACON_SRC}`)).arrayBuffer())).length;
    log(`beacon ${BEACON_SRC} gz=${beacon} (after the first paint)`);
    for (const path of PAGES) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      const assets = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/[^"]+)"/g)].map((m) => m[1]);
      let css = 0;
      let js = 0;
      for (const asset of assets) {
        const body = Buffer.from(await (await fetch(`${server.url}${asset}`)).arrayBuffer());
        if (asset.endsWith('.css')) css += gzipSync(body).length;
        else if (asset.endsWith('.js') || asset.endsWith('.mjs')) js += gzipSync(body).length;
      }
      const inlineScripts = (html.replace(`<script data-visitas>${BEACON_LOADER}</script>`, '').match(/<script/gi) ?? []).length;
      const page = gzipSync(html).length;
      log(`${path} html_gz=${page} css_gz=${css} total_gz=${page + css} js_gz=${js} other_script_tags=${inlineScripts}`);
    }
  } finally {
    server.stop();
  }
}
