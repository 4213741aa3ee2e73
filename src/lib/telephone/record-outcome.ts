import { rpc, type Caller } from '../db/store.ts';
import { validate } from '../validation.ts';
import { fail, type Result } from '../result.ts';
import { forbiddenUnless } from '../auth/require-role.ts';
import { contactIdOf, outcomeInput, type OutcomeSummary } from './schemas.ts';

/** The interviewer holding the contact records how the call went; the contact leaves their hands. */
export async function recordOutcome(id: string | undefined, body: unknown, caller: Caller): Promise<Result<OutcomeSummary>> {
  const denied = forbiddenUnless(caller, ['interviewer'], 'Solo el equipo de encuestadores puede registrar llamadas.');
  if (denied) return denied;
  const contactId = contactIdOf(id);
  if (contactId === null) return fail({ code: 'not_found', message: 'El contacto no existe.' });
  const input = validate(outcomeInput, body);
  if (!input.ok) return input;
  return rpc<Result<OutcomeSummary>>(
    'staff_record_call_outcome',
    {
      p_contact_id: contactId,
      p_outcome: input.value.outcome,
      p_callback_at: input.value.outcome === 'callback' ? (input.value.callbackAt?.toISOString() ?? null) : null,
      p_notes: input.value.notes ?? null,
      p_response_id: input.value.outcome === 'completed' ? (input.value.responseId ?? null) : null,
    },
    caller,
  );
}
