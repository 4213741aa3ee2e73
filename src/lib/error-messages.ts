import type { ErrorCode } from './result.ts';

/** What people read for each error of the contract, in Spanish, when the use case gives no message of its own. */
export const MESSAGES: Record<ErrorCode, string> = {
  bad_request: 'No pudimos leer la solicitud. Revise el formato de los datos enviados.',
  unauthorized: 'Debe iniciar sesión como personal de la entidad.',
  forbidden: 'Su rol no permite realizar esta acción.',
  not_found: 'No encontramos lo que busca.',
  method_not_allowed: 'Este método no está permitido en esta dirección.',
  closed: 'Este ejercicio está cerrado y ya no recibe respuestas.',
  sold_out: 'No quedan cupos disponibles.',
  slot_taken: 'Ese horario ya fue reservado por otra persona.',
  duplicate: 'Esta solicitud ya fue enviada con otros datos. Use una nueva clave de idempotencia.',
  locked: 'Ya hay respuestas que dependen de esto y no se puede cambiar así.',
  payload_too_large: 'La solicitud es demasiado grande (máximo 64 KB).',
  unsupported_media_type: 'Envíe los datos como JSON o como formulario.',
  validation_failed: 'Revise los datos enviados.',
  rate_limited: 'Ha enviado demasiadas solicitudes. Intente de nuevo en unos minutos.',
  unavailable: 'El servicio no está disponible en este momento. Intente de nuevo en unos segundos.',
  internal: 'Ocurrió un error inesperado. Ya quedó registrado; intente de nuevo más tarde.',
};

/** An evidence file over 20 MB (src/lib/files/schemas.ts MAX_FILE_BYTES), however it was sent. */
export const FILE_TOO_LARGE = 'El archivo supera los 20 MB permitidos.';
