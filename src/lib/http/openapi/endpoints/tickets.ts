import { cancelSchema, claimSchema, registrationSchema, waitlistSchema } from '../../../tickets/schemas.ts';
import { cancellation, issuedTicket, ticketEvent, waitlistPlace } from '../bodies/tickets.ts';
import type { Endpoint } from '../endpoint.ts';

const TAG = 'Boletería';
const BASE = '/servicios/boleteria';
export const EVENT_SLUG = { slug: 'Dirección (slug) del evento, p. ej. `leones-vs-halcones`.' };
const TICKET_CODE = { code: 'Código de la boleta, p. ej. `7K3M-Q9TD`.' };
const CONSENT = 'Requiere `consent: true` (Ley 1581): la autorización de tratamiento de datos personales del aviso del evento.';
const ISSUED = 'Boleta emitida: el código, las boletas y la clave de su enlace. La boleta llega también por correo.';
// Every public ticket write: the same key with another body is 409 `duplicate`, and it is rate limited.
const publicWrite = { tag: TAG, method: 'post', idempotent: true } as const;

export const TICKET_ENDPOINTS: Endpoint[] = [
  {
    method: 'get',
    path: '/api/events/{slug}',
    tag: TAG,
    params: EVENT_SLUG,
    summary: 'Un evento publicado: fecha, lugar, boletas que quedan, estado de las inscripciones y aviso de datos',
    responses: { 200: { description: 'El evento.', body: ticketEvent } },
    errors: [404],
  },
  {
    ...publicWrite,
    path: '/api/events/{slug}/registrations',
    params: EVENT_SLUG,
    summary: 'Inscribirse a un evento y recibir la boleta',
    description: `${CONSENT} Un documento tiene una sola boleta por evento. 409: \`closed\` (inscripciones sin abrir, cerradas o evento cancelado), \`sold_out\` (con \`remaining\`, las boletas que quedan) o \`duplicate\` (el documento ya tiene boleta, o la misma Idempotency-Key con otro cuerpo).`,
    body: registrationSchema,
    form: `Formulario sin JavaScript: a la boleta \`${BASE}/boleta/{code}?clave=…\`, o de vuelta a \`${BASE}/{slug}?error=<código>\`.`,
    responses: { 201: { description: ISSUED, body: issuedTicket } },
    errors: [404, 409, 429],
  },
  {
    ...publicWrite,
    path: '/api/registrations/{code}/cancel',
    params: TICKET_CODE,
    summary: 'Cancelar todas o algunas boletas de una inscripción, con la clave del enlace de la boleta',
    description:
      'Sin `quantity` se cancelan todas. Un código inexistente o una clave errada responden 404 por igual. 409 `closed`: la boleta ya estaba cancelada, ya se usó o el evento pasó. Las boletas liberadas pasan primero a la lista de espera.',
    body: cancelSchema,
    form: `Formulario sin JavaScript: a la boleta con \`&cancelada=1\`, o de vuelta a \`${BASE}/boleta/{code}/cancelar?clave=…&error=<código>\`.`,
    responses: { 200: { description: 'Cancelación registrada.', body: cancellation } },
    errors: [404, 409, 429],
  },
  {
    ...publicWrite,
    path: '/api/events/{slug}/waitlist',
    params: EVENT_SLUG,
    summary: 'Entrar en la lista de espera de un evento sin boletas suficientes',
    description: `${CONSENT} Un lugar por correo (409 \`duplicate\`). 409 \`closed\`: el evento no admite lista de espera, o todavía quedan boletas para inscribirse directamente. Cuando se liberan boletas, se ofrecen por correo en orden de llegada.`,
    body: waitlistSchema,
    form: `Formulario sin JavaScript: a \`${BASE}/{slug}/lista-de-espera?puesto=<n>\`, o allí con \`?error=<código>\`.`,
    responses: { 201: { description: 'Lugar en la fila.', body: waitlistPlace } },
    errors: [404, 409, 429],
  },
  {
    ...publicWrite,
    path: '/api/waitlist/offers/{token}/claim',
    params: { token: 'Token del enlace de la oferta que llegó por correo a quien esperaba en la lista.' },
    summary: 'Reclamar las boletas que la lista de espera ofreció: emite la boleta',
    description: `${CONSENT} El nombre y el correo son los de la lista de espera. 404: enlace inexistente; 409 \`closed\`: la oferta venció, ya se reclamó o el evento fue cancelado; 409 \`duplicate\`: el documento ya tiene boleta.`,
    body: claimSchema,
    form: `Formulario sin JavaScript: a la boleta \`${BASE}/boleta/{code}?clave=…\`, o de vuelta a \`${BASE}/oferta/{token}?error=<código>\`.`,
    responses: { 201: { description: ISSUED, body: issuedTicket } },
    errors: [404, 409, 429],
  },
];
