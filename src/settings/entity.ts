import * as z from 'zod';
import { AGENCY_CONTACT_EMAIL, AGENCY_NAME } from '../consts.ts';
import settings from './entity.json';

/**
 * What Res. 1519 de 2020 (annex 2) asks the footer to say about the entity. Each installation edits
 * src/settings/entity.json (the one settings file; the name and contact e-mail stay PUBLIC_* variables as
 * before). Checked at build time: a malformed file fails the build instead of a page.
 */
const link = z.string().regex(/^(https:\/\/|\/(?!\/))\S+$/);
const schema = z.strictObject({
  logo: z.strictObject({ src: link, alt: z.string().min(3) }),
  address: z.string().min(5),
  postalCode: z.string().regex(/^\d{6}$/),
  hours: z.string().min(5),
  phones: z.array(z.strictObject({ label: z.string().min(3), number: z.string().regex(/^[+\d][\d ]{6,20}$/) })).min(1),
  judicialNotificationsEmail: z.email(),
  socialNetworks: z.array(z.strictObject({ label: z.string().min(1), url: link })),
});

export const ENTITY = { name: AGENCY_NAME, email: AGENCY_CONTACT_EMAIL, ...schema.parse(settings) };

/** The policy and help pages every page links to from its footer. */
export const FOOTER_LINKS = [
  { href: '/terminos-de-uso', label: 'Términos y condiciones de uso' },
  { href: '/datos-personales', label: 'Política de tratamiento de datos personales' },
  { href: '/derechos-de-autor', label: 'Derechos de autor' },
  { href: '/accesibilidad', label: 'Declaración de accesibilidad' },
  { href: '/mapa-del-sitio', label: 'Mapa del sitio' },
] as const;

/** `tel:` address of a phone number as written for people. */
export const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;
