import type { DiagnosisItem } from './schemas.ts';

/** One requirement's boxes in the assessment form, as text. */
export type AnswerValues = { verdict: string; evidenceLinks: string; proposedAction: string };

const text = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) ? value.join('\n') : '');

/** What the saved answers put in the form's boxes. */
export function savedValues(items: DiagnosisItem[]): Record<string, AnswerValues> {
  return Object.fromEntries(
    items.map((item) => [item.code, { verdict: item.verdict ?? '', evidenceLinks: item.evidenceLinks.join('\n'), proposedAction: item.proposedAction ?? '' }]),
  );
}

/** What was posted, back into the boxes after an error, so nothing typed in a long form is lost. */
export function postedValues(items: DiagnosisItem[], data: Record<string, unknown>): Record<string, AnswerValues> {
  const answers = (data.answers && typeof data.answers === 'object' ? data.answers : {}) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    items.map((item) => {
      const posted = answers[item.code] ?? {};
      return [item.code, { verdict: text(posted.verdict), evidenceLinks: text(posted.evidenceLinks), proposedAction: text(posted.proposedAction) }];
    }),
  );
}

/** The form's own field ids, so the error summary links land on the box to fix. */
export const fieldId = (code: string, field: string) =>
  `${code.toLowerCase()}-${field === 'evidenceLinks' ? 'evidencias' : field === 'proposedAction' ? 'accion' : 'valoracion'}`;

/** `answers.RC-01.evidenceLinks` → the requirement and the box the error belongs to. */
export function errorTarget(key: string): { code: string; field: string } | null {
  const match = /^answers\.([A-Z]{2,6}-\d{2,3})(?:\.(\w+))?$/.exec(key);
  return match ? { code: match[1], field: match[2] ?? 'verdict' } : null;
}
