import { staffAccountabilityPath, staffImprovementEvidencePath } from '../accountability/links.ts';
import { MESSAGES } from '../error-messages.ts';
import type { DomainError } from '../result.ts';
import type { TargetKind } from './schemas.ts';

// Where the staff upload form lands, with or without JavaScript: the no-JS form's 303 and the page's
// script (direct uploads) read this one module, so both paths end on the same page with the same words.

const BACK: Record<TargetKind, () => string> = {
  plan: () => '/staff',
  accountability: staffAccountabilityPath,
  incidence: () => '/staff/comunicaciones/incidencia',
  improvement: staffImprovementEvidencePath,
};

/** The staff page of a kind of target; the plan's for anything else. */
export const evidencePageOf = (kind: unknown): string => (typeof kind === 'string' && Object.hasOwn(BACK, kind) ? BACK[kind as TargetKind] : BACK.plan)();

/** The form's page with `?ok=archivo`, or with what was typed and the error (browsers never prefill a file input). */
export function evidenceFormReturn(fields: Record<string, unknown>, error: DomainError | null): string {
  const back = evidencePageOf(fields.targetKind);
  if (!error) return `${back}?ok=archivo#subir-evidencia`;
  const kept = new URLSearchParams();
  for (const name of ['title', 'alt', 'targetRef'] as const) kept.set(name, String(fields[name] ?? ''));
  kept.set('error', Object.values(error.fields ?? {}).join(' ') || (error.message ?? MESSAGES[error.code]));
  return `${back}?${kept}#subir-evidencia`;
}
