import { MESSAGES as CONTRACT } from '../../lib/error-messages.ts';
import { MESSAGES } from '../../lib/personal-data/schemas.ts';
import type { ErrorCode } from '../../lib/result.ts';

// The forms are plain HTML: after a failed post the function sends them back with the error code and the
// names of the wrong fields (never their values), and the pages word them here.
const FIELDS: Record<string, string> = { email: MESSAGES.email, kind: MESSAGES.kind, message: MESSAGES.message };

export const LABELS = { email: 'Su correo electrónico', kind: 'Qué quiere hacer', message: 'Mensaje' };

/** Field → message, plus `form` for an error of the whole form (e.g. too many requests). */
export function formErrors(code: string | null, fields: string | null, messages: Record<string, string> = {}): Record<string, string> {
  if (!code) return {};
  const named = (fields ?? '').split(',').filter((f) => Object.hasOwn(FIELDS, f));
  if (named.length > 0) return Object.fromEntries(named.map((f) => [f, messages[f] ?? FIELDS[f]]));
  return { form: Object.hasOwn(CONTRACT, code) ? CONTRACT[code as ErrorCode] : 'No pudimos recibir la solicitud. Intente de nuevo.' };
}

/** Why the e-mailed link did not work, for people. */
export function linkError(code: string | null): string | null {
  if (code === 'not_found' || code === 'validation_failed') return 'Este enlace no es válido o ya venció (dura 24 horas). Pida uno nuevo con el formulario.';
  if (code === 'closed') return 'Este enlace ya se usó: su solicitud quedó radicada. Si necesita algo más, haga una nueva solicitud.';
  return code && Object.hasOwn(CONTRACT, code) ? CONTRACT[code as ErrorCode] : null;
}
