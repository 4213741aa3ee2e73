import { MESSAGES } from '../../lib/error-messages.ts';
import type { ErrorCode } from '../../lib/result.ts';

// The sign-up form is plain HTML: after a failed post the function sends it back with the error code and
// the names of the wrong fields (never their values), and the page words them here.
const FIELD_MESSAGES: Record<string, { label: string; message: string }> = {
  email: { label: 'Correo electrónico', message: 'Escriba un correo electrónico válido, por ejemplo nombre@dominio.co.' },
  fullName: { label: 'Nombre', message: 'Escriba su nombre (entre 3 y 120 caracteres) o deje el campo vacío.' },
  organisation: { label: 'Organización', message: 'Escriba el nombre de la organización (entre 2 y 160 caracteres) o deje el campo vacío.' },
  consent: { label: 'Autorización', message: 'Para recibir invitaciones debe autorizar el tratamiento de sus datos personales.' },
};

export type FormError = { field?: string; message: string };

export function subscriptionErrors(code: string | null, fields: string | null): FormError[] {
  if (!code) return [];
  const named = (fields ?? '').split(',').filter((f) => Object.hasOwn(FIELD_MESSAGES, f));
  if (named.length > 0) return named.map((field) => ({ field, message: FIELD_MESSAGES[field].message }));
  return [{ message: Object.hasOwn(MESSAGES, code) ? MESSAGES[code as ErrorCode] : 'No pudimos recibir la inscripción. Intente de nuevo.' }];
}

export const fieldLabel = (field: string) => FIELD_MESSAGES[field]?.label ?? field;

/** Why a confirm or unsubscribe link did not work, for people. */
export function tokenError(code: string | null): string | null {
  if (!code) return null;
  if (code === 'not_found') return 'Este enlace no es válido o ya no está vigente. Ábralo de nuevo desde el último correo, o inscríbase otra vez.';
  if (code === 'closed') return 'Este enlace de confirmación venció. Inscríbase de nuevo para recibir uno nuevo.';
  if (code === 'validation_failed') return 'El enlace está incompleto: ábralo de nuevo desde el correo.';
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code as ErrorCode] : 'No pudimos completar la solicitud. Intente de nuevo.';
}
