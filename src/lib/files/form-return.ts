import { staffAccountabilityPath } from '../accountability/links.ts';
import { MESSAGES } from '../error-messages.ts';
import type { DomainError } from '../result.ts';

// Where the staff upload form lands, with or without JavaScript: the no-JS form's 303 and the page's
// script (direct uploads) read this one module, so both paths end on the same page with the same words.

const BACK: Record<string, () => string> = {
  plan: () => '/staff',
  accountability: staffAccountabilityPath,
  incidence: () => '/staff/comunicaciones/incidencia',
};

/** The form's page with `?ok=archivo`, or with what was typed and the error (browsers never prefill a file input). */
export function evidenceFormReturn(fields: Record<string, unknown>, error: DomainError | null): string {
  const back = (BACK[String(fields.targetKind)] ?? BACK.plan)();
  if (!error) return `${back}?ok=archivo#subir-evidencia`;
  const kept = new URLSearchParams();
  for (const name of ['title', 'alt', 'targetRef'] as const) kept.set(name, String(fields[name] ?? ''));
  kept.set('error', Object.values(error.fields ?? {}).join(' ') || (error.message ?? MESSAGES[error.code]));
  return `${back}?${kept}#subir-evidencia`;
}
