// The site map from the route files (src/pages), public pages only: no staff pages, no API, no feeds, and
// no dynamic routes (those are reached from their lists; the Menú Participa's sections are added by name).

export type SiteMapPage = { path: string; label: string };
export type SiteMapGroup = { id: string; label: string; pages: SiteMapPage[] };

const LABELS: Record<string, string> = {
  '/': 'Plan de participación ciudadana (inicio)',
  '/encuestas': 'Encuestas',
  '/servicios': 'Servicios en línea',
  '/servicios/boleteria': 'Boletería en línea',
  '/servicios/asesorias': 'Asesorías de emprendimiento',
  '/rendicion-de-cuentas': 'Rendición de cuentas',
  '/resultados': 'Resultados e incidencia',
  '/informes/boleteria': 'Informe de la boletería',
  '/informes/telefonico': 'Informes de la encuesta telefónica',
  '/participa': 'Menú Participa',
  '/participa/convocatorias': 'Convocatorias',
  '/participa/calendario': 'Calendario de participación',
  '/participa/capacitaciones': 'Capacitación y sensibilización',
  '/participa/estrategia': 'Estrategia de participación ciudadana',
  '/participa/estrategia-rendicion-de-cuentas': 'Estrategia anual de rendición de cuentas',
  '/participa/plan': 'Plan de participación y sus versiones',
  '/participa/procedimiento': 'Procedimiento de participación por medios electrónicos',
  '/participa/suscribirse': 'Inscribirse para recibir invitaciones',
  '/datos-personales': 'Política de tratamiento de datos personales',
  '/terminos-de-uso': 'Términos y condiciones de uso',
  '/derechos-de-autor': 'Derechos de autor',
  '/accesibilidad': 'Declaración de accesibilidad',
  '/mapa-del-sitio': 'Mapa del sitio',
};

const GROUPS: { id: string; label: string; prefix: RegExp }[] = [
  { id: 'participa', label: 'Participa', prefix: /^\/participa(\/|$)/ },
  { id: 'politicas', label: 'Políticas y ayuda', prefix: /^\/(datos-personales|terminos-de-uso|derechos-de-autor|accesibilidad|mapa-del-sitio)$/ },
  { id: 'portal', label: 'Portal', prefix: /./ },
];

/** `./participa/plan.astro` → `/participa/plan`; null for what is not a public HTML page. */
export function routeOf(file: string): string | null {
  if (!file.endsWith('.astro') || file.includes('[')) return null;
  const path = file.replace(/^\.\//, '/').replace(/\.astro$/, '').replace(/\/index$/, '') || '/';
  if (/^\/(staff|api)(\/|$)/.test(path) || /^\/(404|500)$/.test(path) || path.includes('/suscripcion/') || path.endsWith('/revise-su-correo') || path.startsWith('/datos-personales/')) return null;
  return path === '' ? '/' : path;
}

const label = (path: string) => LABELS[path] ?? path;

export function publicRoutes(files: string[], extra: SiteMapPage[] = []): SiteMapGroup[] {
  const pages = [...files.map(routeOf).filter((p): p is string => p !== null).map((path) => ({ path, label: label(path) })), ...extra];
  const seen = new Set<string>();
  return GROUPS.map((group) => ({
    ...group,
    pages: pages
      .filter((p) => group.prefix.test(p.path) && !seen.has(p.path) && seen.add(p.path))
      .sort((a, b) => a.path.localeCompare(b.path)),
  })).map(({ prefix: _prefix, ...group }) => group);
}
