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
];
