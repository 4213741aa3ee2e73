import { ANON, rpc, type Caller } from '../db/store.ts';
import { requestHash } from '../fingerprints.ts';
import { fail, type Result } from '../result.ts';
import { validate } from '../validation.ts';
import { answerSchema } from './answer-schema.ts';
import { recentSurvey } from './definition-cache.ts';
import type { SurveyDefinition } from './schemas.ts';

/** `caller`: staff (e.g. an interviewer typing a phone answer) may send channel `phone`; the public may not. */
export type SubmissionMeta = { client: string; idempotencyKey: string | null; caller?: Caller };

/** Building a schema costs far more than parsing with it: one per cached definition and kind of caller. */
const schemas = new WeakMap<SurveyDefinition, Map<boolean, ReturnType<typeof answerSchema>>>();

function schemaFor(def: SurveyDefinition, allowPhone: boolean): ReturnType<typeof answerSchema> {
  const byCaller = schemas.get(def) ?? new Map<boolean, ReturnType<typeof answerSchema>>();
  schemas.set(def, byCaller);
  const schema = byCaller.get(allowPhone) ?? answerSchema(def, { allowPhone });
  byCaller.set(allowPhone, schema);
  return schema;
}

/** A filled honeypot gets the same answer as any invalid form, with no hint of why. */
const honeypotTripped = (value: unknown) => value !== undefined && value !== '';

/**
 * Validates against the survey's own definition, then one SQL call records response, answers and
 * consent in one transaction, with idempotency, rate limit and the open/closed rule inside it.
 */
export async function submitResponse(slug: string, body: Record<string, unknown>, meta: SubmissionMeta): Promise<Result<{ id: string }>> {
  const { website, ...rest } = body;
  let survey = await recentSurvey(slug);
  if (!survey) return fail({ code: 'not_found', message: 'No existe una encuesta con esa dirección.' });
  if (honeypotTripped(website)) return fail({ code: 'validation_failed', message: 'No pudimos aceptar este envío.' });
  const check = (def: SurveyDefinition) => validate(schemaFor(def, meta.caller?.kind === 'staff'), rest);
  let input = check(survey);
  if (!input.ok) {
    // The copy may predate a staff edit (a new option or question): judge a rejection on the current one.
    survey = await recentSurvey(slug, true);
    if (!survey) return fail({ code: 'not_found', message: 'No existe una encuesta con esa dirección.' });
    input = check(survey);
  }
  if (!input.ok) return input;
  return rpc<Result<{ id: string }>>(
    'submit_survey_response',
    {
      p_slug: slug,
      p_answers: input.value.answers,
      p_consent_version: survey.consent.version,
      p_channel: input.value.channel,
      p_source: input.value.source ?? null,
      p_client: meta.client,
      p_idempotency_key: meta.idempotencyKey,
      p_request_hash: requestHash(input.value),
    },
    meta.caller ?? ANON,
  );
}
