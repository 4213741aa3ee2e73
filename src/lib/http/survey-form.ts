import { submitResponse } from '../surveys/submit-response.ts';
import { readBody } from './body.ts';
import { MESSAGES, STATUS } from './errors.ts';
import { clientHash, idempotencyKey } from './request-identity.ts';

export type SurveyFormOutcome =
  | { kind: 'redirect'; location: string }
  | { kind: 'invalid'; status: number; values: Record<string, string | string[]>; errors: Record<string, string> };

function keptValues(data: Record<string, unknown>): Record<string, string | string[]> {
  const answers = (data.answers ?? {}) as Record<string, string | string[]>;
  const values: Record<string, string | string[]> = { ...answers };
  if (typeof data.consent === 'string') values.consent = data.consent;
  if (typeof data.idempotencyKey === 'string') values.idempotencyKey = data.idempotencyKey;
  return values;
}

/**
 * The survey page's own POST, for browsers without JavaScript: the same use case as the API, but an
 * invalid answer re-renders the form with each error beside its field and every answer kept.
 */
export async function handleSurveyForm(request: Request, clientIp: string, slug: string): Promise<SurveyFormOutcome> {
  const body = await readBody(request);
  if (!body.ok) return { kind: 'invalid', status: STATUS[body.error.code], values: {}, errors: { form: body.error.message ?? MESSAGES[body.error.code] } };
  const { idempotencyKey: formKey, ...data } = body.value.data;
  const key = idempotencyKey(request, formKey);
  const result = await submitResponse(slug, data, {
    client: clientHash(clientIp),
    idempotencyKey: key.ok ? key.value : null,
  });
  if (result.ok) return { kind: 'redirect', location: `/encuestas/${slug}/gracias` };
  const { error } = result;
  const errors: Record<string, string> = { ...(error.fields ?? {}) };
  if (Object.keys(errors).length === 0) errors.form = error.message ?? MESSAGES[error.code];
  return { kind: 'invalid', status: STATUS[error.code], values: keptValues(body.value.data), errors };
}
