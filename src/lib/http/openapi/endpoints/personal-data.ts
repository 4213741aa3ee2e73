import * as z from 'zod';
import { holderInput } from '../../../personal-data/requests.ts';
import type { Endpoint } from '../endpoint.ts';

const staff = { method: 'post', tag: 'Datos personales', staff: true } as const;
const ROLE = 'Solo administrador (oficial de protección de datos). Por POST para que el correo no quede en la dirección ni en los registros.';
const consent = z.object({ version: z.string(), purpose: z.string(), givenAt: z.string() });
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
        description: 'Sus boletas, listas de espera, asesorías, preguntas y suscripciones, cada registro con la autorización que dio.',
        body: z.object({
          email: z.string(),
          ticketRegistrations: records,
          waitlistEntries: records,
          advisoryBookings: records,
          hearingQuestions: records,
          invitationSubscriptions: records,
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
];
