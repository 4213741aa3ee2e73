import * as z from 'zod';
import { fileFields } from '../../../files/schemas.ts';
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
      'PDF, PNG, JPEG, WebP, GIF, CSV (texto UTF-8), XLSX o DOCX de hasta 20 MB; el tipo se lee del contenido, no del nombre. Las imágenes exigen `alt`. `targetRef`: código de la actividad del plan (`1.1`), id de la actividad de rendición de cuentas, `<tipo>/<slug>` del ejercicio de incidencia, o id (uuid) de la acción de mejora. Desde las páginas del personal (Accept: text/html) responde 303 a la página, con lo escrito en la consulta si hay errores.',
    body: fileFields,
    multipartFile: 'file',
    responses: { 201: { description: 'El archivo guardado y enlazado como evidencia.', body: z.object({ url: z.string(), id: z.string() }) } },
    errors: [404],
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
