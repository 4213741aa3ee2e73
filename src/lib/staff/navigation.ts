import type { StaffRole } from '../auth/claims.ts';

type Section = { href: string; label: string; roles: readonly StaffRole[] | 'anyone' };

// The staff sections and who works in each (admin in all). Pages check the role again: this only
// spares people links they cannot use, and puts each role's daily work first.
const SECTIONS: readonly Section[] = [
  { href: '/staff', label: 'Inicio', roles: 'anyone' },
  { href: '/staff/plan', label: 'Plan por vigencias', roles: ['communications'] },
  { href: '/staff/telefonico', label: 'Llamadas', roles: ['interviewer', 'communications'] },
  { href: '/staff/eventos', label: 'Eventos e ingreso', roles: ['box_office', 'communications'] },
  { href: '/staff/asesorias', label: 'Asesorías', roles: ['advisor'] },
  { href: '/staff/encuestas', label: 'Encuestas', roles: ['communications'] },
  { href: '/staff/resultados', label: 'Resultados', roles: ['communications'] },
  { href: '/staff/rendicion-de-cuentas', label: 'Rendición de cuentas', roles: ['communications'] },
  { href: '/staff/comunicaciones', label: 'Comunicaciones', roles: ['communications'] },
  { href: '/staff/monitoreo/sitio', label: 'Monitoreo', roles: ['communications'] },
  { href: '/staff/correo', label: 'Correo enviado', roles: ['communications'] },
  { href: '/staff/correo/fallidos', label: 'Correo fallido', roles: [] },
  { href: '/staff/diagnostico', label: 'Autodiagnóstico', roles: [] },
  { href: '/staff/datos-personales', label: 'Datos personales', roles: [] },
  { href: '/staff/papel', label: 'Retos del papel', roles: 'anyone' },
];

export const ROLE_NAMES: Record<StaffRole, string> = {
  admin: 'administración',
  communications: 'comunicaciones',
  advisor: 'asesoría',
  interviewer: 'encuestas telefónicas',
  box_office: 'taquilla',
};

/** The sections a person with `roles` works in, in the order of the navigation. */
export function staffSections(roles: readonly string[]): { href: string; label: string }[] {
  const admin = roles.includes('admin');
  return SECTIONS.filter((s) => admin || s.roles === 'anyone' || s.roles.some((r) => roles.includes(r))).map(({ href, label }) => ({ href, label }));
}

/** The section a path belongs to: the longest section address it starts with. */
export function currentSection(path: string, sections: readonly { href: string }[]): string | undefined {
  const clean = path.replace(/\/$/, '') || '/';
  return sections
    .filter((s) => clean === s.href || (s.href !== '/staff' && clean.startsWith(`${s.href}/`)) || (s.href === '/staff/monitoreo/sitio' && clean.startsWith('/staff/monitoreo')))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
