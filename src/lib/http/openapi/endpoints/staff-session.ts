import * as z from 'zod';
import { requestCodeSchema, verifyCodeSchema } from '../../../auth/schemas.ts';
import type { Endpoint } from '../endpoint.ts';

// Sign-in reads only `token`; the rest of the body is ignored.
const signIn = z.object({ token: z.string().meta({ description: 'El token del enlace de acceso (`npm run staff:link`).' }) });

export const STAFF_SESSION_ENDPOINTS: Endpoint[] = [
  {
    method: 'post',
    path: '/api/staff/session',
    tag: 'Sesión del personal',
    summary: 'Iniciar sesión del personal con el token de un enlace de acceso',
    body: signIn,
    form: 'A `/staff` con la cookie de sesión (HttpOnly, SameSite=Strict), también desde JSON; un formulario con un token vencido vuelve a `/staff/entrar?error=link`.',
    responses: {},
    errors: [401],
  },
  {
    method: 'post',
    path: '/api/staff/session/code',
    tag: 'Sesión del personal',
    summary: 'Pedir un código de acceso de un solo uso por correo',
    description: 'La respuesta es la misma si el correo es o no del personal. Con Supabase Auth el código lo envía Supabase; sin él, el emisor local lo deja en el registro del servidor.',
    body: requestCodeSchema,
    form: 'A `/staff/entrar/codigo?correo=…`, el paso donde se escribe el código.',
    responses: { 202: { description: 'Código enviado si el correo pertenece al personal.', body: z.object({ message: z.string() }) } },
    errors: [429],
  },
  {
    method: 'post',
    path: '/api/staff/session/verify',
    tag: 'Sesión del personal',
    summary: 'Entrar con el código recibido',
    body: verifyCodeSchema,
    form: 'A `/staff` con la cookie de sesión; con un código errado o vencido, de vuelta al paso del código con el motivo.',
    responses: {
      200: {
        description: 'Sesión iniciada: la cookie de sesión (HttpOnly, SameSite=Strict) va en Set-Cookie.',
        body: z.object({ email: z.string(), roles: z.array(z.string()), expiresAt: z.iso.datetime() }),
      },
    },
    errors: [401, 403, 429],
  },
  {
    method: 'post',
    path: '/api/staff/session/end',
    tag: 'Sesión del personal',
    summary: 'Cerrar la sesión del personal',
    responses: { 303: { description: 'A `/`, borrando la cookie de sesión.' } },
  },
  {
    method: 'get',
    path: '/api/admin/home',
    tag: 'Sesión del personal',
    staff: true,
    summary: 'Lo que espera a quien llama, por secciones según sus roles (la portada del personal)',
    description:
      'Cualquier rol del personal. Secciones: `phone_queue` (encuestas telefónicas), `events_today` (taquilla), `advisory_bookings` (asesoría: las propias; admin: todas), `hearing_questions`, `text_reviews`, `results_to_publish`, `improvement_overdue`, `plan_overdue` (comunicaciones) y `failed_email` (admin).',
    responses: { 200: { description: '`{today, sections:[{key, items}]}`.' } },
  },
];
