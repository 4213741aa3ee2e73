import * as z from 'zod';
import type { Cancellation } from '../../../tickets/cancel.ts';
import type { WaitlistPlace } from '../../../tickets/join-waitlist.ts';
import type { EventState, IssuedTicket, TicketEventPage } from '../../../tickets/schemas.ts';
import {
  EVENT_STATUS_LABELS,
  REGISTRATION_STATUS_LABELS,
  type CheckIn,
  type RegistrationPage,
  type RegistrationStatus,
  type StaffEvent,
} from '../../../tickets/staff/schemas.ts';
import { typed } from '../typed.ts';
import { count, dateTime } from './common.ts';

const ticketCode = z.string().meta({ description: 'Código impreso de la boleta (XXXX-XXXX, base 32 de Crockford).', examples: ['7K3M-Q9TD'] });
const seats = z.number().int().min(1);

const eventState = z
  .enum(['open', 'upcoming', 'sold_out', 'closed', 'past', 'cancelled'] satisfies EventState[])
  .meta({ description: 'upcoming: las inscripciones aún no abren; sold_out: sin boletas (queda la lista de espera); closed: inscripciones cerradas; past: ya se realizó.' });

export const ticketEvent = typed<TicketEventPage>()(
  z.object({
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    venue: z.string(),
    address: z.string().nullable(),
    startsAt: dateTime,
    endsAt: dateTime.nullable(),
    capacity: count,
    remaining: count.meta({ description: 'Boletas que quedan.' }),
    maxPerRegistration: seats.meta({ description: 'Boletas que puede pedir una persona.' }),
    opensAt: dateTime,
    closesAt: dateTime,
    status: eventState,
    imageUrl: z.string().nullable(),
    imageAlt: z.string().nullable(),
    offerHoldMinutes: z.number().int().meta({ description: 'Minutos que la lista de espera guarda unas boletas liberadas para quien sigue en la fila.' }),
    consent: z
      .object({ version: z.string(), purpose: z.string(), body: z.string() })
      .meta({ description: 'El aviso de tratamiento de datos que se acepta al inscribirse; su `version` va en `consentVersion`.' }),
  }),
);

export const issuedTicket = typed<IssuedTicket>()(
  z.object({
    code: ticketCode,
    quantity: seats,
    cancelSecret: z.string().meta({ description: 'Clave del enlace de la boleta (64 hex): la pide la cancelación. Se envía también por correo.' }),
  }),
);

export const cancellation = typed<Cancellation>()(
  z.object({
    code: ticketCode,
    cancelled: seats.meta({ description: 'Boletas canceladas con esta solicitud.' }),
    quantity: count.meta({ description: 'Boletas que siguen vigentes (0: la boleta quedó cancelada).' }),
  }),
);

export const waitlistPlace = typed<WaitlistPlace>()(
  z.object({ position: z.number().int().min(1).meta({ description: 'Puesto en la fila, desde 1.' }), quantity: seats }),
);

export const staffEvent = typed<StaffEvent>()(
  z.object({
    slug: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    startsAt: dateTime,
    venue: z.string(),
    capacity: count,
    remaining: count,
    maxPerRegistration: seats,
    opensAt: dateTime,
    closesAt: dateTime,
    imageUrl: z.string().nullable(),
    imageAlt: z.string().nullable(),
    status: z.enum(Object.keys(EVENT_STATUS_LABELS) as [StaffEvent['status'], ...StaffEvent['status'][]]),
    counts: z.object({
      registrations: count,
      seatsTaken: count,
      checkedIn: count,
      seatsCheckedIn: count,
      cancelled: count,
      waiting: count.meta({ description: 'Personas en la lista de espera, con o sin oferta abierta.' }),
    }),
  }),
);

export const staffEventList = typed<StaffEvent[]>()(z.array(staffEvent));

export const registrationPage = typed<RegistrationPage>()(
  z.object({
    total: count.meta({ description: 'Inscripciones que coinciden con la búsqueda.' }),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    items: z.array(
      z.object({
        code: ticketCode,
        fullName: z.string(),
        documentType: z.string(),
        documentId: z.string(),
        email: z.string(),
        phone: z.string().nullable(),
        quantity: count.meta({ description: 'Boletas vigentes.' }),
        status: z.enum(Object.keys(REGISTRATION_STATUS_LABELS) as [RegistrationStatus, ...RegistrationStatus[]]),
        createdAt: dateTime,
        cancelledAt: dateTime.nullable(),
        checkedInAt: dateTime.nullable(),
        checkedInBy: z.string().nullable(),
      }),
    ),
  }),
);

export const checkIn = typed<CheckIn>()(
  z.object({
    code: ticketCode,
    eventSlug: z.string(),
    fullName: z.string(),
    quantity: count.meta({ description: 'Personas que entran con esta boleta.' }),
    checkedInAt: dateTime,
    checkedInBy: z.string().nullable().meta({ description: 'Correo de quien registró el ingreso.' }),
  }),
);
