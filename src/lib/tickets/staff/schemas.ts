import * as z from 'zod';
import { blankToUndefined, bogotaDateTime } from '../../validation.ts';

// INPUTS (shared by the API and the staff forms, whose values arrive as strings)

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

const wholeNumber = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `Escriba ${what} como un número entero.` })
    .int(`Escriba ${what} como un número entero.`)
    .min(min, `${what[0].toUpperCase()}${what.slice(1)} debe ser al menos ${min}.`)
    .max(max, `${what[0].toUpperCase()}${what.slice(1)} admite máximo ${max.toLocaleString('es-CO')}.`);

/** An ISO time with its offset, or a `datetime-local` value read in Colombian time. */
const dateTime = bogotaDateTime;

const optionalDateTime = z.preprocess(blankToUndefined, dateTime.optional());

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Fields an event has besides its address; the address is fixed once created. */
const eventFields = {
  title: z.string().trim().min(3).max(160),
  description: optionalText(4000),
  startsAt: dateTime,
  venue: z.string().trim().min(2).max(160),
  capacity: wholeNumber(1, 100_000, 'el aforo'),
  maxPerRegistration: wholeNumber(1, 20, 'el límite por persona'),
  opensAt: optionalDateTime,
  closesAt: optionalDateTime,
  imageUrl: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(2000)
      .regex(/^(https:\/\/|\/(?!\/))\S+$/, 'La imagen debe ser una dirección https:// o una ruta de este sitio que empiece por /.')
      .optional(),
  ),
  imageAlt: optionalText(300),
};

type EventFields = z.output<z.ZodObject<typeof eventFields>>;

/** The rules across fields; SQL checks them again (and the aforo against the seats already taken). */
function crossChecks(event: EventFields, ctx: z.RefinementCtx) {
  if (event.maxPerRegistration > event.capacity) {
    ctx.addIssue({ code: 'custom', path: ['maxPerRegistration'], message: 'El límite por persona no puede superar el aforo.' });
  }
  if (event.imageUrl && !event.imageAlt) {
    ctx.addIssue({ code: 'custom', path: ['imageAlt'], message: 'Describa la imagen para quien no la ve (texto alternativo).' });
  }
  const closes = event.closesAt ?? event.startsAt;
  if (event.closesAt && event.closesAt > event.startsAt) {
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'Las inscripciones deben cerrar antes de que empiece el evento, o a la misma hora.' });
  } else if (event.opensAt && event.opensAt >= closes) {
    ctx.addIssue({ code: 'custom', path: ['opensAt'], message: 'Las inscripciones deben abrir antes de cerrar.' });
  }
}

export const createEventInput = z
  .strictObject({
    slug: z.string().trim().min(1).max(80).regex(SLUG_PATTERN, 'Use minúsculas sin tildes, números y guiones, por ejemplo concierto-diciembre.'),
    ...eventFields,
  })
  .superRefine(crossChecks);
export type CreateEventInput = z.output<typeof createEventInput>;

export const updateEventInput = z.strictObject(eventFields).superRefine(crossChecks);
export type UpdateEventInput = z.output<typeof updateEventInput>;

/**
 * A ticket code as printed (XXXX-XXXX, Crockford base 32) from what staff type or the camera reads:
 * spaces and dashes ignored, small letters read as capitals, and O, I, L read as 0, 1, 1 — the
 * letters the alphabet leaves out because they look like digits.
 */
export function normalizeTicketCode(value: string): string {
  const bare = value.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : bare;
}

export const checkInInput = z.strictObject({
  code: z
    .string()
    .transform(normalizeTicketCode)
    .pipe(z.string().min(1, 'Escriba el código de la boleta.').max(40, 'Ese código es demasiado largo.')),
});

export const registrationsQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type RegistrationsQuery = z.output<typeof registrationsQuery>;

// READ MODELS (what the SQL functions answer)

export type EventCounts = {
  registrations: number;
  seatsTaken: number;
  checkedIn: number;
  seatsCheckedIn: number;
  cancelled: number;
  waiting: number;
};

export type StaffEvent = {
  slug: string;
  title: string;
  description: string | null;
  startsAt: string;
  venue: string;
  capacity: number;
  remaining: number;
  maxPerRegistration: number;
  opensAt: string;
  closesAt: string;
  imageUrl: string | null;
  imageAlt: string | null;
  status: 'draft' | 'cancelled' | 'scheduled' | 'open' | 'closed' | 'past';
  counts: EventCounts;
};

export type RegistrationStatus = 'active' | 'checked_in' | 'cancelled';

export type StaffRegistration = {
  code: string;
  fullName: string;
  documentType: string;
  documentId: string;
  email: string;
  phone: string | null;
  quantity: number;
  status: RegistrationStatus;
  createdAt: string;
  cancelledAt: string | null;
  checkedInAt: string | null;
  checkedInBy: string | null;
};

export type RegistrationPage = { total: number; page: number; pageSize: number; items: StaffRegistration[] };

export type CheckIn = {
  code: string;
  eventSlug: string;
  fullName: string;
  quantity: number;
  checkedInAt: string;
  checkedInBy: string | null;
};

/** One event's usage figures, or all events' (rates in %, one decimal; null with nothing to divide by). */
export type Figures = {
  capacity: number;
  registrations: number;
  seatsRegistered: number;
  seatsTaken: number;
  occupancyPct: number | null;
  cancellations: number;
  seatsCancelled: number;
  cancellationPct: number | null;
  checkedIn: number;
  checkInPct: number | null;
  waitlistJoined: number;
  waitlistConverted: number;
  conversionPct: number | null;
};

export type EventFigures = Figures & { slug: string; title: string; startsAt: string };

export type TicketFigures = { updatedAt: string; events: EventFigures[]; totals: Figures };

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  active: 'Inscrita',
  checked_in: 'Ingresó',
  cancelled: 'Cancelada',
};

export const EVENT_STATUS_LABELS: Record<StaffEvent['status'], string> = {
  draft: 'Borrador (no publicado)',
  cancelled: 'Cancelado',
  scheduled: 'Inscripciones por abrir',
  open: 'Inscripciones abiertas',
  closed: 'Inscripciones cerradas',
  past: 'Realizado',
};
