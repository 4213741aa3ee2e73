import * as z from 'zod';
import type { Cancelled, Rescheduled } from '../../../advisory/change-booking.ts';
import { bookingSchema, cancelSchema, rescheduleSchema, slotsQuery, type IssuedBooking, type Slot } from '../../../advisory/schemas.ts';
import { advisorInput, agendaQuery, dayOffInput, recordInput, rulesInput, slotInput } from '../../../advisory/staff/schemas.ts';
import { count, date, dateTime } from '../bodies/common.ts';
import { typed } from '../typed.ts';
import type { Endpoint } from '../endpoint.ts';

const TAG = 'Asesorías';
const BASE = '/servicios/asesorias';
const BOOKING_CODE = { code: 'Código de la reserva, p. ej. `7K3M-Q9TD`.' };
const publicWrite = { tag: TAG, method: 'post', idempotent: true } as const;
const staff = { tag: 'Asesorías (personal)', staff: true } as const;
const ADMIN = 'Rol: admin.';
const ADVISOR = 'Rol: asesor (`advisor`), solo su propia agenda; admin ve todas.';
const form = (back: string, ok: string) => `Formulario del personal: vuelve a \`${back}\` con \`?ok=${ok}\` o \`?error=<mensaje>\`.`;

const mode = z.enum(['in_person', 'online']).meta({ description: 'in_person: presencial en la sede del asesor; online: virtual, con enlace.' });
const slot = typed<Slot>()(z.object({ id: z.string(), startsAt: dateTime, endsAt: dateTime, advisor: z.string(), mode, available: z.boolean() }));
const issued = typed<IssuedBooking>()(z.object({ code: z.string(), secret: z.string().meta({ description: 'Clave de los enlaces para cambiar o cancelar la reserva.' }) }));
const rescheduled = typed<Rescheduled>()(z.object({ code: z.string(), startsAt: dateTime }));
const cancelled = typed<Cancelled>()(z.object({ code: z.string(), status: z.literal('cancelled') }));
const advisor = z.object({ id: z.string(), name: z.string(), email: z.string(), topics: z.array(z.string()), mode, venue: z.string().nullable(), meetingUrl: z.string().nullable() }).loose();
const stillOpen = z.object({ day: date, withdrawn: count, stillBooked: count.meta({ description: 'Reservas de ese día que el personal debe mover.' }) });
const booking = z.object({ code: z.string(), startsAt: dateTime, endsAt: dateTime, fullName: z.string(), need: z.string(), record: z.unknown() }).loose();

export const ADVISORY_ENDPOINTS: Endpoint[] = [
  {
    method: 'get',
    path: '/api/advisory/slots',
    tag: TAG,
    summary: 'Horarios de asesoría de un tema entre dos días (hora de Colombia)',
    description: 'Solo horarios con al menos 24 horas de anticipación y a máximo 30 días. `available: false`: ya reservado.',
    query: slotsQuery,
    responses: { 200: { description: 'Los horarios, en orden.', body: z.array(slot) } },
  },
  {
    ...publicWrite,
    path: '/api/advisory/bookings',
    summary: 'Reservar una asesoría de emprendimiento',
    description: 'Requiere `consent: true` (Ley 1581). `topic` es lo que necesita, en sus palabras; `area` (opcional) el tema elegido. 409 `slot_taken`: otra persona lo reservó primero; 409 `duplicate`: el documento ya tiene una asesoría futura del mismo tema; 422 en `slotId` fuera de la anticipación mínima (24 h) o del horizonte (30 días).',
    body: bookingSchema,
    form: `Formulario sin JavaScript: a la reserva \`${BASE}/reserva/{code}?clave=…\`, o de vuelta a \`${BASE}/reservar?…&error=<código>\`.`,
    responses: { 201: { description: 'Reserva hecha; la confirmación llega por correo con el archivo .ics.', body: issued } },
    errors: [404, 409, 429],
  },
  {
    ...publicWrite,
    path: '/api/advisory/bookings/{code}/reschedule',
    params: BOOKING_CODE,
    summary: 'Cambiar la hora de una reserva, con la clave de su enlace',
    description: 'Toma el nuevo horario y libera el anterior en una sola transacción. 409 `slot_taken`, `closed` (cancelada o ya empezó); 404 con código o clave errados.',
    body: rescheduleSchema,
    form: `Formulario sin JavaScript: a la reserva con \`&cambiada=1\`, o de vuelta a \`${BASE}/reserva/{code}/cambiar?clave=…&error=<código>\`.`,
    responses: { 200: { description: 'Reserva movida.', body: rescheduled } },
    errors: [404, 409, 429],
  },
  {
    ...publicWrite,
    path: '/api/advisory/bookings/{code}/cancel',
    params: BOOKING_CODE,
    summary: 'Cancelar una reserva, con la clave de su enlace; el horario queda libre',
    description: '409 `closed`: ya estaba cancelada o la sesión ya empezó; 404 con código o clave errados.',
    body: cancelSchema,
    form: `Formulario sin JavaScript: a la reserva con \`&cancelada=1\`, o de vuelta a \`${BASE}/reserva/{code}/cancelar?clave=…&error=<código>\`.`,
    responses: { 200: { description: 'Reserva cancelada.', body: cancelled } },
    errors: [404, 409, 429],
  },
  {
    ...staff,
    method: 'get',
    path: '/api/admin/advisory/advisors',
    summary: 'Asesores con sus temas, reglas semanales y días libres',
    description: ADVISOR,
    responses: { 200: { description: 'Los asesores.', body: z.array(advisor) } },
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/advisory/advisors',
    summary: 'Registrar un asesor, con sus reglas semanales',
    description: `${ADMIN} Las reglas generan los horarios de los próximos 30 días hábiles (sin festivos de Colombia). 409 \`duplicate\`: ya hay un asesor con ese correo.`,
    body: advisorInput,
    form: form('/staff/asesorias/asesores', 'creado'),
    responses: { 201: { description: 'El asesor.', body: advisor } },
    errors: [409],
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/advisory/advisors/{id}/rules',
    summary: 'Reemplazar las reglas semanales de un asesor',
    description: `${ADMIN} Los horarios libres siguen las nuevas reglas; los reservados se conservan.`,
    body: rulesInput,
    form: form('/staff/asesorias/asesores', 'reglas'),
    responses: { 200: { description: 'El asesor.', body: advisor } },
    errors: [404],
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/advisory/advisors/{id}/days-off',
    summary: 'Registrar un día sin asesorías',
    description: `${ADMIN} Retira los horarios libres de ese día.`,
    body: dayOffInput,
    form: form('/staff/asesorias/asesores', 'dia-libre'),
    responses: { 201: { description: 'Horarios retirados y reservas por mover.', body: stillOpen } },
    errors: [404],
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/advisory/slots',
    summary: 'Agregar un horario suelto a un asesor',
    description: `${ADMIN} Fechas en ISO 8601 con zona o \`AAAA-MM-DDTHH:MM\` en hora de Colombia. 409 \`duplicate\`: se cruza con otro horario.`,
    body: slotInput,
    form: form('/staff/asesorias/asesores', 'horario'),
    responses: { 201: { description: 'El horario creado.', body: z.object({ id: z.string() }) } },
    errors: [404, 409],
  },
  {
    ...staff,
    method: 'get',
    path: '/api/admin/advisory/agenda',
    summary: 'Agenda por días: horarios, reservas con las respuestas de la inscripción y el registro de la asesoría',
    description: ADVISOR,
    query: agendaQuery,
    responses: { 200: { description: 'La agenda.', body: z.object({ from: date, to: date, slots: z.array(z.unknown()) }) } },
  },
  {
    ...staff,
    method: 'get',
    path: '/api/admin/advisory/bookings/{code}',
    params: BOOKING_CODE,
    summary: 'Una reserva de la agenda, con su registro',
    description: ADVISOR,
    responses: { 200: { description: 'La reserva.', body: booking } },
    errors: [404],
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/advisory/bookings/{code}/record',
    params: BOOKING_CODE,
    summary: 'Registrar la asistencia y la asesoría dada (temas, próximos pasos, remisión)',
    description: `${ADVISOR} Desde que empieza la sesión. La primera asistencia envía la invitación a la encuesta de satisfacción. 409 \`closed\`: reserva cancelada o sesión futura.`,
    body: recordInput,
    form: form('/staff/asesorias/reserva/{code}', 'registrada'),
    responses: { 200: { description: 'La reserva con su registro.', body: booking } },
    errors: [404, 409],
  },
];
