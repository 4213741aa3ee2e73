import * as z from 'zod';

// The same words as the SQL functions (private.registration_fields), so JSON clients, the forms and
// the database agree. The per-event limit on quantity is the database's check: it knows the event.
export const DOCUMENT_TYPES = ['CC', 'CE', 'TI', 'PA', 'NIT', 'PEP', 'PPT'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_LABELS: Record<DocumentType, string> = {
  CC: 'Cédula de ciudadanía',
  CE: 'Cédula de extranjería',
  TI: 'Tarjeta de identidad',
  PA: 'Pasaporte',
  NIT: 'NIT',
  PEP: 'Permiso especial de permanencia (PEP)',
  PPT: 'Permiso por protección temporal (PPT)',
};

export const MESSAGES = {
  fullName: 'Escriba su nombre completo (entre 3 y 120 caracteres).',
  documentType: 'Elija un tipo de documento de la lista.',
  documentId: 'Escriba el número de documento: entre 3 y 20 letras o números.',
  email: 'Escriba un correo electrónico válido, por ejemplo nombre@dominio.co.',
  phone: 'Escriba un teléfono de 7 a 20 dígitos, o deje el campo vacío.',
  quantity: 'Elija cuántas boletas necesita.',
  consent: 'Debe aceptar el tratamiento de datos personales para recibir su boleta.',
} as const;

/** Forms send "" for an untouched field and strings for numbers; JSON sends the real types. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const toInteger = (v: unknown) => (typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v) ? Number(v) : v);
/** 1.020.304 and 1020304 are one person: what the database stores and keys on. */
export const normaliseDocument = (v: string) => v.replace(/[\s.-]/g, '').toUpperCase();

const fullName = z.string({ error: MESSAGES.fullName }).trim().min(3, MESSAGES.fullName).max(120, MESSAGES.fullName);
const email = z
  .string({ error: MESSAGES.email })
  .trim()
  .toLowerCase()
  .max(254, MESSAGES.email)
  .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, MESSAGES.email);
const documentType = z.preprocess(blankToUndefined, z.enum(DOCUMENT_TYPES, { error: MESSAGES.documentType }).default('CC'));
const documentId = z
  .string({ error: MESSAGES.documentId })
  .transform(normaliseDocument)
  .pipe(z.string().regex(/^[0-9A-Z]{3,20}$/, MESSAGES.documentId));
const phone = z.preprocess(blankToUndefined, z.string({ error: MESSAGES.phone }).trim().regex(/^\+?[0-9 ()-]{7,20}$/, MESSAGES.phone).optional());
const quantity = z.preprocess(toInteger, z.number({ error: MESSAGES.quantity }).int(MESSAGES.quantity).min(1, MESSAGES.quantity).max(20, MESSAGES.quantity));
const consent = z.preprocess((v) => (v === 'true' || v === 'on' ? true : v), z.literal(true, { error: MESSAGES.consent }));
/** The version of the notice the form showed; JSON clients may leave it out (the current one applies). */
const consentVersion = z.string().max(60).optional();
/** Honeypot: people never see it; anything in it is refused without a hint. */
const website = z.string().optional();
const secret = z.string({ error: 'Falta la clave de la boleta.' }).regex(/^[0-9a-f]{64}$/, 'La clave de la boleta no es válida.');

/** POST /api/events/:slug/registrations. */
export const registrationSchema = z.strictObject({ fullName, documentType, documentId, email, phone, quantity, consent, consentVersion, website });
export type RegistrationInput = z.output<typeof registrationSchema>;

/** POST /api/registrations/:code/cancel. No quantity: every seat of the ticket. */
export const cancelSchema = z.strictObject({ secret, quantity: quantity.optional() });
export type CancelInput = z.output<typeof cancelSchema>;

/** POST /api/events/:slug/waitlist. */
export const waitlistSchema = z.strictObject({ fullName, email, quantity: quantity.default(1), consent, consentVersion, website });
export type WaitlistInput = z.output<typeof waitlistSchema>;

/** POST /api/waitlist/offers/:token/claim: name and e-mail come from the waiting-list entry. */
export const claimSchema = z.strictObject({ documentType, documentId, phone, consent, consentVersion, website });
export type ClaimInput = z.output<typeof claimSchema>;

export type EventState = 'open' | 'upcoming' | 'sold_out' | 'closed' | 'past' | 'cancelled';

/** What public.get_event / list_events return (the contract's GET /api/events/:slug, and more). */
export type TicketEvent = {
  slug: string;
  title: string;
  description: string;
  venue: string;
  address: string | null;
  startsAt: string;
  endsAt: string | null;
  capacity: number;
  remaining: number;
  maxPerRegistration: number;
  opensAt: string;
  closesAt: string;
  status: EventState;
  imageUrl: string | null;
  imageAlt: string | null;
  offerHoldMinutes: number;
};

export type ConsentNotice = { version: string; purpose: string; body: string };
export type TicketEventPage = TicketEvent & { consent: ConsentNotice };

/** A ticket as its holder sees it (code + secret). */
export type Ticket = {
  code: string;
  quantity: number;
  cancelledQuantity: number;
  status: 'active' | 'cancelled';
  fullName: string;
  email: string;
  createdAt: string;
  checkedInAt: string | null;
  event: TicketEvent;
};

export type IssuedTicket = { code: string; quantity: number; cancelSecret: string };

export type WaitlistOffer = {
  status: 'held' | 'claimed' | 'expired' | 'void';
  quantity: number;
  expiresAt: string;
  fullName: string;
  email: string;
  event: TicketEventPage;
};
