import * as z from 'zod';
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
    form: 'A `/staff` con la cookie de sesión (HttpOnly, SameSite=Strict), también desde JSON; un formulario con un token vencido vuelve a `/staff/entrar?error=enlace`.',
    responses: {},
    errors: [401],
  },
  {
    method: 'post',
    path: '/api/staff/session/end',
    tag: 'Sesión del personal',
    summary: 'Cerrar la sesión del personal',
    responses: { 303: { description: 'A `/`, borrando la cookie de sesión.' } },
  },
];
