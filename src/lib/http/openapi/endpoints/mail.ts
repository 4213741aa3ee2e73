import type { Endpoint } from '../endpoint.ts';

const staff = { tag: 'Correo local', staff: true } as const;
const message = { id: 'Identificador del mensaje en el buzón local.' };

// The local mailbox (no SMTP_URL): what /staff/correo frames and links to.
export const MAIL_ENDPOINTS: Endpoint[] = [
  {
    ...staff,
    method: 'get',
    path: '/api/admin/mail/{id}/html',
    summary: 'El HTML de un mensaje del buzón local, aislado (CSP sandbox) para mostrarlo en un marco',
    params: message,
    responses: { 200: { description: 'El HTML del mensaje tal como se envió.', media: 'text/html' } },
    errors: [404],
  },
  {
    ...staff,
    method: 'get',
    path: '/api/admin/mail/{id}/attachments/{index}',
    summary: 'Descargar un adjunto de un mensaje del buzón local (por ejemplo la boleta en .ics)',
    params: { ...message, index: 'Posición del adjunto en el mensaje, desde 0.' },
    responses: { 200: { description: 'El adjunto, siempre como descarga.', media: 'application/octet-stream', download: 'boleta.ics' } },
    errors: [404],
  },
  {
    tag: 'Correo fallido',
    staff: true,
    method: 'get',
    path: '/api/admin/mail/failed',
    summary: 'Los correos que no se pudieron enviar tras todos los intentos, del más reciente al más antiguo',
    description: 'Rol: admin. `retryable` es falso cuando pasaron 30 días y el mensaje ya no guarda su contenido.',
    responses: { 200: { description: 'Hasta 200 mensajes fallidos, con su último error.' } },
  },
  {
    tag: 'Correo fallido',
    staff: true,
    method: 'post',
    path: '/api/admin/mail/failed/{id}/retry',
    params: { id: 'Número del mensaje en la cola de salida.' },
    summary: 'Volver a poner en cola un correo fallido (el remitente lo intenta de nuevo desde cero)',
    description: 'Rol: admin. Queda en la bitácora de auditoría. 409 `closed`: el mensaje ya no guarda su contenido.',
    form: 'Formulario del personal: vuelve a `/staff/correo/fallidos` con `?ok=reintentado` o `?error=<mensaje>`.',
    responses: { 200: { description: 'El mensaje, de nuevo pendiente.' } },
    errors: [404, 409],
  },
];
