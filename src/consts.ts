// Site-wide constants. Per-installation values come from PUBLIC_* variables: Vite inlines
// `import.meta.env.PUBLIC_*` at build time; process.env covers Node scripts and runtime overrides.
// (Each read is a literal `import.meta.env.NAME` so Vite replaces it and nothing else gets bundled.)
const runtimeEnv: Record<string, string | undefined> =
  typeof process !== 'undefined' && process.env ? process.env : {};

function setting(name: string, read: () => string | undefined, fallback: string): string {
  let built: string | undefined;
  try {
    built = read();
  } catch {
    built = undefined; // import.meta.env does not exist outside Vite
  }
  return built || runtimeEnv[name] || fallback;
}

export const SITE_TITLE = 'Participa';
export const SITE_DESCRIPTION =
  'Portal de participación ciudadana: plan de participación, encuestas, servicios en línea, rendición de cuentas y resultados.';
export const AGENCY_NAME = setting('PUBLIC_AGENCY_NAME', () => import.meta.env.PUBLIC_AGENCY_NAME, 'Agencia de Desarrollo Económico');
export const AGENCY_CONTACT_EMAIL = setting('PUBLIC_AGENCY_CONTACT_EMAIL', () => import.meta.env.PUBLIC_AGENCY_CONTACT_EMAIL, 'atencionciudadana@agencia.gov.co');
export const PERSONAL_DATA_EMAIL = setting('PUBLIC_PERSONAL_DATA_EMAIL', () => import.meta.env.PUBLIC_PERSONAL_DATA_EMAIL, 'datospersonales@agencia.gov.co');

export const NAV_ITEMS = [
  { href: '/', label: 'Plan' },
  { href: '/encuestas', label: 'Encuestas' },
  { href: '/servicios', label: 'Servicios en línea' },
  { href: '/rendicion-de-cuentas', label: 'Rendición de cuentas' },
  { href: '/resultados', label: 'Resultados' },
  { href: '/participa', label: 'Participa' },
] as const;
