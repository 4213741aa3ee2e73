import * as z from 'zod';
import { checkInInput, createEventInput, registrationsQuery, updateEventInput } from '../../../tickets/staff/schemas.ts';
import { checkIn, registrationPage, staffEvent, staffEventList } from '../bodies/tickets.ts';
import type { Endpoint } from '../endpoint.ts';
import { EVENT_SLUG } from './tickets.ts';

const staff = { tag: 'Boletería (personal)', staff: true } as const;
const ROLES = {
  readers: 'Roles: taquilla (`box_office`) o comunicaciones (`communications`); admin siempre.',
  editors: 'Rol: comunicaciones (`communications`); admin siempre.',
  doorkeepers: 'Rol: taquilla (`box_office`); admin siempre.',
};
const TIMES =
  'Las fechas van en ISO 8601 con zona, o como `AAAA-MM-DDTHH:MM` en hora de Colombia. Sin `opensAt` las inscripciones abren ya; sin `closesAt`, cierran cuando empieza el evento.';
const form = (back: string, ok: string) => `Formulario del personal: vuelve a \`${back}\` con \`?ok=${ok}\` o \`?error=<mensaje>\`.`;

// The function's own search field, described for the query string; the validation is the same schema's.
const search = registrationsQuery.shape.q.describe('Busca por código, nombre, documento o correo.');

export const EVENTS_STAFF_ENDPOINTS: Endpoint[] = [
  {
    ...staff,
    method: 'get',
    path: '/api/admin/events',
    summary: 'Todos los eventos, borradores incluidos, con sus conteos en vivo',
    description: ROLES.readers,
    responses: { 200: { description: 'Los eventos, el próximo primero.', body: staffEventList } },
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/events',
    summary: 'Crear un evento',
    description: `${ROLES.editors} ${TIMES} 409 \`duplicate\`: ya existe un evento con esa dirección.`,
    body: createEventInput,
    form: form('/staff/eventos', 'creado'),
    responses: { 201: { description: 'El evento creado.', body: staffEvent } },
    errors: [409],
  },
  {
    ...staff,
    method: 'get',
    path: '/api/admin/events/{slug}',
    params: EVENT_SLUG,
    summary: 'Un evento con su configuración y sus conteos en vivo',
    description: ROLES.readers,
    responses: { 200: { description: 'El evento.', body: staffEvent } },
    errors: [404],
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/events/{slug}',
    params: EVENT_SLUG,
    summary: 'Editar un evento (la dirección no cambia)',
    description: `${ROLES.editors} ${TIMES} El aforo puede crecer, y bajar solo hasta las boletas ya tomadas (422 en \`capacity\`).`,
    body: updateEventInput,
    form: form('/staff/eventos/{slug}', 'guardado'),
    responses: { 200: { description: 'El evento actualizado.', body: staffEvent } },
    errors: [404],
  },
  {
    ...staff,
    method: 'get',
    path: '/api/admin/events/{slug}/registrations',
    params: EVENT_SLUG,
    summary: 'Las inscripciones de un evento, por páginas de 50 y con búsqueda',
    description: `${ROLES.readers} Ordenadas por nombre.`,
    query: registrationsQuery.extend({ q: search, page: registrationsQuery.shape.page.describe('Página, desde 1.') }),
    responses: { 200: { description: 'Una página de inscripciones.', body: registrationPage } },
    errors: [404, 422],
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/events/{slug}/check-in',
    params: EVENT_SLUG,
    summary: 'Registrar el ingreso de una boleta en la puerta del evento',
    description: `${ROLES.doorkeepers} El código se lee como lo escriben o lo lee la cámara (sin importar espacios, guiones, minúsculas ni O/I/L por 0/1/1). Cada boleta entra una vez. 404: el código no existe o es de otro evento; 409 \`duplicate\`: la boleta ya se usó (el mensaje dice cuándo y quién la registró); 409 \`closed\`: la boleta fue cancelada.`,
    body: checkInInput,
    form: form('/staff/eventos/{slug}/ingreso', 'ingreso'),
    responses: { 200: { description: 'Ingreso registrado.', body: checkIn } },
    errors: [404, 409],
  },
  {
    ...staff,
    method: 'get',
    path: '/api/admin/exports/registrations.csv',
    summary: 'Descargar en CSV (UTF-8 con BOM) las inscripciones de un evento: la lista para la puerta',
    description: `${ROLES.readers} Contiene datos personales: solo para el personal, nunca se publica.`,
    query: z.object({ event: z.string().describe('Dirección (slug) del evento.'), q: search }),
    responses: {
      200: { description: 'Una fila por inscripción: código, nombre, documento, correo, teléfono, boletas, estado y fechas.', media: 'text/csv', download: 'inscripciones-leones-vs-halcones.csv' },
    },
    errors: [404, 422],
  },
];
