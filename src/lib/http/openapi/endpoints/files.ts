import * as z from 'zod';
import { fileFields, uploadSlotFields } from '../../../files/schemas.ts';
import type { Endpoint } from '../endpoint.ts';

const TAG = 'Evidencias';

export const FILE_ENDPOINTS: Endpoint[] = [
  {
    method: 'post',
    path: '/api/admin/files',
    tag: TAG,
    staff: true,
    summary: 'Subir un archivo como evidencia de una actividad del plan, de rendición de cuentas, de un ejercicio de incidencia o de una acción de mejora',
    description:
      'PDF, PNG, JPEG, WebP, GIF, CSV (texto UTF-8), XLSX o DOCX de hasta 20 MB; el tipo se lee del contenido, no del nombre. Las imágenes exigen `alt`. `targetRef`: código de la actividad del plan (`1.1`), id de la actividad de rendición de cuentas, `<tipo>/<slug>` del ejercicio de incidencia, o id (uuid) de la acción de mejora. Desde las páginas del personal (Accept: text/html) responde 303 a la página, con lo escrito en la consulta si hay errores. En Netlify el cuerpo de una solicitud llega solo hasta unos 6 MB: para archivos mayores, la subida directa (`POST /api/admin/files/uploads`).',
    body: fileFields,
    multipartFile: 'file',
    responses: { 201: { description: 'El archivo guardado y enlazado como evidencia.', body: z.object({ url: z.string(), id: z.string() }) } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/admin/files/uploads',
    tag: TAG,
    staff: true,
    summary: 'Abrir un espacio de subida directa para un archivo de evidencia (hasta 20 MB, también en Netlify)',
    description:
      'Los mismos campos que `POST /api/admin/files`, más el nombre y el tamaño del archivo (`type` es solo una pista: el tipo se lee del contenido al completar). Más de 20 MB: 413 sin abrir nada. Responde dónde enviar los bytes (`uploadUrl`, con `method` y `headers`) durante 10 minutos; después, `POST /api/admin/files/uploads/{id}/complete`.',
    body: uploadSlotFields,
    responses: {
      201: {
        description: 'El espacio de subida.',
        body: z.object({ id: z.string(), uploadUrl: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
      },
    },
  },
  {
    method: 'put',
    path: '/api/admin/files/uploads/{id}',
    tag: TAG,
    staff: true,
    summary: 'Enviar los bytes del archivo a su espacio de subida (almacenamiento local; con el bucket, `uploadUrl` es una URL firmada del bucket)',
    params: { id: 'Identificador (UUID) del espacio de subida.' },
    rawBody: 'Los bytes del archivo, tal cual (hasta 20 MB).',
    responses: { 200: { description: 'Los bytes guardados a la espera de completar la subida.', body: z.object({ id: z.string() }) } },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/api/admin/files/uploads/{id}/complete',
    tag: TAG,
    staff: true,
    summary: 'Completar una subida directa: comprobar el archivo por su contenido, enlazarlo como evidencia y registrarlo',
    description:
      'Las mismas comprobaciones y la misma respuesta que `POST /api/admin/files`; un archivo rechazado se borra. Repetirla da la misma respuesta. Un espacio vencido responde 409 `closed`.',
    params: { id: 'Identificador (UUID) del espacio de subida.' },
    body: z.strictObject({}),
    responses: { 201: { description: 'El archivo guardado y enlazado como evidencia.', body: z.object({ url: z.string(), id: z.string() }) } },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/api/admin/files/{id}/delete',
    tag: TAG,
    staff: true,
    summary: 'Borrar un archivo de evidencia y sus enlaces (queda en el registro de auditoría)',
    params: { id: 'Identificador (UUID) del archivo.' },
    body: z.strictObject({}),
    form: 'Formulario del personal: vuelve con `?ok=` o `?error=` a la página del tipo de destino que nombra `?targetKind=` (`/staff` sin él).',
    responses: { 200: { description: 'El archivo borrado.', body: z.object({ id: z.string() }) } },
    errors: [404],
  },
  {
    method: 'get',
    path: '/evidencias/{id}/{name}',
    tag: TAG,
    summary: 'Un archivo de evidencia publicado, con su tipo real (PDF e imágenes en línea; CSV, XLSX y DOCX como descarga)',
    params: { id: 'Identificador (UUID) del archivo.', name: 'Nombre del archivo.' },
    responses: { 200: { description: 'El archivo.', media: 'application/octet-stream', download: 'informe.pdf' } },
    errors: [404],
  },
];
