import * as z from 'zod';
import { blankToUndefined, calendarDay } from '../validation.ts';
import { registrationSchema } from '../tickets/schemas.ts';

// The person fields are the tickets' ones (same words, same normalising); the database checks again
// (private.advisory_booking_fields).
const person = registrationSchema.shape;

export const STAGES = ['idea', 'starting', 'operating_lt_1y', 'operating_gte_1y'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  idea: 'Tengo una idea de negocio',
  starting: 'Estoy empezando (sin ventas regulares)',
  operating_lt_1y: 'Funciona hace menos de un año',
  operating_gte_1y: 'Funciona hace un año o más',
};

export const MESSAGES = {
  slotId: 'Elija un horario de la agenda.',
  phone: 'Escriba un teléfono de 7 a 20 dígitos.',
  businessName: 'El nombre del emprendimiento admite máximo 160 caracteres.',
  stage: 'Elija la etapa de su emprendimiento.',
  topic: 'Cuéntenos en qué necesita ayuda (entre 3 y 1.000 caracteres).',
  consent: 'Debe aceptar el tratamiento de datos personales para reservar la asesoría.',
  area: 'Elija un tema de la lista.',
  secret: 'La clave de la reserva no es válida. Use el enlace de su correo.',
} as const;

export const slotId = z.uuid({ error: MESSAGES.slotId });
/** A topic key (advisory_topics.key). */
export const area = z.string({ error: MESSAGES.area }).regex(/^[a-z][a-z_]{1,40}$/, MESSAGES.area);
const phone = z.string({ error: MESSAGES.phone }).trim().regex(/^\+?[0-9 ()-]{7,20}$/, MESSAGES.phone);
const businessName = z.preprocess(blankToUndefined, z.string().trim().max(160, MESSAGES.businessName).optional());
const stage = z.enum(STAGES, { error: MESSAGES.stage });
/** The contract's `topic`: what they need help with, in their own words. */
const topic = z.string({ error: MESSAGES.topic }).trim().min(3, MESSAGES.topic).max(1000, MESSAGES.topic);
const consent = z.preprocess((v) => (v === 'true' || v === 'on' ? true : v), z.literal(true, { error: MESSAGES.consent }));
const secret = z.string({ error: MESSAGES.secret }).regex(/^[0-9a-f]{64}$/, MESSAGES.secret);

/**
 * POST /api/advisory/bookings. `area` (the topic chosen on the first step) is an addition to the contract's
 * body: the duplicate rule is per topic, and a slot's advisor may cover several; without it the booking
 * counts under the advisor's first topic.
 */
export const bookingSchema = z.strictObject({
  slotId,
  area: z.preprocess(blankToUndefined, area.optional()),
  fullName: person.fullName,
  documentType: person.documentType,
  documentId: person.documentId,
  email: person.email,
  phone,
  businessName,
  stage,
  topic,
  consent,
  consentVersion: person.consentVersion,
  website: person.website,
});
export type BookingInput = z.output<typeof bookingSchema>;

/** POST /api/advisory/bookings/:code/cancel. */
export const cancelSchema = z.strictObject({ secret });

/** POST /api/advisory/bookings/:code/reschedule. */
export const rescheduleSchema = z.strictObject({ secret, slotId });

const day = calendarDay;

/** GET /api/advisory/slots?topic&from&to (Bogotá calendar days, inclusive, at most 31). */
export const slotsQuery = z
  .strictObject({ topic: area, from: day('Escriba la fecha inicial como AAAA-MM-DD.'), to: day('Escriba la fecha final como AAAA-MM-DD.') })
  .refine((q) => q.to >= q.from, { path: ['to'], message: 'La fecha final debe ser igual o posterior a la inicial.' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 30 * 86_400_000, { path: ['to'], message: 'Consulte máximo 31 días a la vez.' });
export type SlotsQuery = z.output<typeof slotsQuery>;

export type Topic = { key: string; label: string };

/** One slot as GET /api/advisory/slots lists it. */
export type Slot = { id: string; startsAt: string; endsAt: string; advisor: string; mode: AdvisorMode; available: boolean };

export type AdvisorMode = 'in_person' | 'online';
export const MODE_LABELS: Record<AdvisorMode, string> = { in_person: 'Presencial', online: 'Virtual' };

/** A booking as its holder sees it (code + secret). */
export type Booking = {
  code: string;
  status: 'booked' | 'cancelled' | 'past';
  startsAt: string;
  endsAt: string;
  topic: string;
  topicLabel: string;
  fullName: string;
  email: string;
  businessName: string | null;
  stage: Stage;
  need: string;
  advisor: string;
  mode: AdvisorMode;
  venue: string | null;
  meetingUrl: string | null;
  changeable: boolean;
};

export type IssuedBooking = { code: string; secret: string };
