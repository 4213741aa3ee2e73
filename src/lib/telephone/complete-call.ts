import * as z from 'zod';
import { rpc, type Caller } from '../db/store.ts';
import { clientHash } from '../fingerprints.ts';
import { fail, type Result } from '../result.ts';
import { answerSchema } from '../surveys/answer-schema.ts';
import { getSurvey } from '../surveys/get-survey.ts';
import { validate } from '../validation.ts';
import { getContact } from './get-contact.ts';
import { forbiddenUnless } from '../auth/require-role.ts';
import { callNotesInput, CONSENT_CONFIRMATION, type CompletedCall } from './schemas.ts';

// Only the shape here: the answers are checked below against the survey's own schema.
const callInput = z.looseObject({
  answers: z.unknown().optional(),
  consent: z.unknown().optional(),
});

/**
 * The survey answered on the citizen's behalf during the call. The answers are checked with the survey's
 * own schema (the one the public form uses); then one SQL call records the response (channel phone,
 * entered by this interviewer) and the completed outcome together, so a response never exists without
 * its call being settled, and the same person is never surveyed twice.
 */
export async function completeCall(id: string | undefined, body: unknown, caller: Caller): Promise<Result<CompletedCall>> {
  const denied = forbiddenUnless(caller, ['interviewer'], 'Solo el equipo de encuestadores puede registrar encuestas telefónicas.');
  if (denied || caller.kind !== 'staff') return denied ?? fail({ code: 'forbidden' });
  const shape = validate(callInput, body);
  if (!shape.ok) return shape;
  const { answers, consent, ...extras } = shape.value;
  const notes = validate(callNotesInput, extras);
  const contact = await getContact(id, caller);
  if (!contact.ok) return contact;
  const survey = await getSurvey(contact.value.survey.slug);
  if (!survey) return fail({ code: 'not_found', message: 'La encuesta de este contacto no está publicada.' });

  const input = validate(answerSchema(survey), { answers, consent });
  if (!input.ok || !notes.ok) {
    const fields = { ...(input.ok ? {} : input.error.fields), ...(notes.ok ? {} : notes.error.fields) };
    if (fields.consent) fields.consent = CONSENT_CONFIRMATION;
    return fail({ code: 'validation_failed', message: 'Revise las respuestas marcadas.', fields });
  }
  return rpc<Result<CompletedCall>>(
    'staff_complete_phone_call',
    {
      p_contact_id: contact.value.id,
      p_answers: input.value.answers,
      p_consent_version: survey.consent.version,
      p_notes: notes.value.notes ?? null,
      p_client: clientHash(`interviewer:${caller.claims.sub}`),
    },
    caller,
  );
}
