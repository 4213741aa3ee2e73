import * as z from 'zod';
import { holderInput } from '../../../personal-data/requests.ts';
import { answerInput, confirmInput, dataRequest, extendInput, publicRequest, requestInput } from '../../../personal-data/schemas.ts';
import type { Endpoint } from '../endpoint.ts';

const staff = { method: 'post', tag: 'Datos personales', staff: true } as const;
const ROLE = 'Solo administrador (oficial de protección de datos). Por POST para que el correo no quede en la dirección ni en los registros.';
const consent = z.object({ version: z.string(), purpose: z.string(), givenAt: z.string() });
const QUEUE = 'Formulario del personal: vuelve a `/staff/datos-personales/solicitudes` con';
const PUBLIC = 'Datos personales (Ley 1581)';
const records = z.array(z.record(z.string(), z.unknown()).and(z.object({ consent: consent.optional() })));

export const PERSONAL_DATA_ENDPOINTS: Endpoint[] = [
  {
    ...staff,
    path: '/api/admin/personal-data/export',
    summary: 'Consultar todo lo que el portal guarda de una persona (Ley 1581, art. 14)',
    description: ROLE,
    body: holderInput,
    responses: {
      200: {
        description: 'Sus boletas, listas de espera, asesorías, preguntas y suscripciones, cada registro con la autorización que dio; los correos que se le enviaron y sus solicitudes sobre datos personales.',
        body: z.object({
          email: z.string(),
          ticketRegistrations: records,
          waitlistEntries: records,
          advisoryBookings: records,
          hearingQuestions: records,
          invitationSubscriptions: records,
          emails: records,
          personalDataRequests: records,
        }),
      },
    },
  },
  {
    ...staff,
    path: '/api/admin/personal-data/forget',
    summary: 'Suprimir los datos de una persona en todos los servicios (Ley 1581, art. 15)',
    description: `${ROLE} Los registros quedan sin nombre, documento, correo ni teléfono; se rechaza (409 locked) mientras tenga una boleta, un lugar en lista o una asesoría por venir.`,
    body: holderInput,
    form: 'Formulario del personal: vuelve a `/staff/datos-personales` con `?ok=supresion` o `?error=`.',
    responses: {
      200: {
        description: 'Cuántos registros de cada clase quedaron sin datos personales.',
        body: z.object({
          ticketRegistrations: z.number().int(),
          waitlistEntries: z.number().int(),
          advisoryBookings: z.number().int(),
          hearingQuestions: z.number().int(),
          invitationSubscriptions: z.number().int(),
          emails: z.number().int(),
        }),
      },
    },
    errors: [409],
  },
  {
    method: 'post',
    tag: PUBLIC,
    idempotent: true,
    path: '/api/personal-data/requests',
    summary: 'Pedir conocer, corregir o suprimir los datos personales propios, sin cuenta (Ley 1581, art. 14 y 15)',
    description:
      'Siempre la misma respuesta 202, se guarden o no datos de esa dirección: un correo con un enlace de un solo uso (24 horas) muestra los datos y confirma la solicitud. 429 por cliente; por dirección, más de 3 enlaces en una hora no se envían (con la misma respuesta).',
    body: requestInput,
    form: 'Formulario sin JavaScript: a `/datos-personales/solicitud-enviada`, o de vuelta a `/datos-personales/solicitar?error=<código>&campos=<campos>`.',
    responses: { 202: { description: 'Enlace enviado (si corresponde).', body: z.object({ status: z.literal('link_sent') }) } },
  },
  {
    method: 'post',
    tag: PUBLIC,
    path: '/api/personal-data/requests/confirm',
    summary: 'Confirmar la solicitud con el enlace del correo (una sola vez)',
    description:
      'Empieza el plazo legal: 10 días hábiles (consulta) o 15 (corrección, supresión) desde el día de Bogotá de la confirmación. Una supresión borra ya lo que puede irse y deja en espera, con el motivo, lo que aún sirve a un servicio por venir. 404: enlace desconocido o vencido; 409 `closed`: ya usado.',
    body: confirmInput,
    form: 'Formulario sin JavaScript: a `/datos-personales/solicitud?token=…&hecho=1`, o allí con `&error=<código>&campos=<campos>`.',
    responses: { 200: { description: 'La solicitud radicada.', body: publicRequest } },
    errors: [404, 409],
  },
  {
    ...staff,
    method: 'get',
    path: '/api/admin/personal-data/requests',
    summary: 'La cola de solicitudes de datos personales, con su fecha límite',
    description: 'Solo administrador (oficial de protección de datos). Abiertas primero, por fecha límite; `overdue` marca las vencidas.',
    responses: { 200: { description: 'Las solicitudes confirmadas.', body: z.array(dataRequest) } },
  },
  {
    ...staff,
    path: '/api/admin/personal-data/requests/{id}/extend',
    params: { id: 'Identificador (uuid) de la solicitud.' },
    summary: 'Prorrogar una vez el plazo (+5 días hábiles consulta, +8 reclamo), con el motivo',
    description: 'Solo administrador. El motivo y la nueva fecha se envían por correo a la persona. 409 `closed`: ya respondida, ya prorrogada o plazo vencido.',
    body: extendInput,
    form: `${QUEUE} \`?ok=prorroga\` o \`?error=<mensaje>\`.`,
    responses: { 200: { description: 'La solicitud prorrogada.', body: dataRequest } },
    errors: [404, 409],
  },
  {
    ...staff,
    path: '/api/admin/personal-data/requests/{id}/answer',
    params: { id: 'Identificador (uuid) de la solicitud.' },
    summary: 'Responder una solicitud; la respuesta se envía por correo',
    description: 'Solo administrador. 409 `closed`: ya respondida.',
    body: answerInput,
    form: `${QUEUE} \`?ok=respuesta\` o \`?error=<mensaje>\`.`,
    responses: { 200: { description: 'La solicitud respondida.', body: dataRequest } },
    errors: [404, 409],
  },
];
