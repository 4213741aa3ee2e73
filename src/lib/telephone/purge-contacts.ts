import { rpc, type Caller } from '../db/store.ts';
import { validate } from '../validation.ts';
import type { Result } from '../result.ts';
import { forbiddenUnless } from '../auth/require-role.ts';
import { emptyInput, forgetInput } from './schemas.ts';

const DENIED = 'No tiene permiso para suprimir datos de la lista de llamadas.';

/** After the campaign: deletes name, number and notes of the contacts that will not be called again. */
export async function purgeFinishedContacts(slug: string, body: unknown, caller: Caller): Promise<Result<{ purged: number }>> {
  const denied = forbiddenUnless(caller, ['communications'], DENIED);
  if (denied) return denied;
  const input = validate(emptyInput, body);
  if (!input.ok) return input;
  return rpc<Result<{ purged: number }>>('staff_purge_phone_contacts', { p_survey_slug: slug }, caller);
}

/** The holder asks for deletion (Ley 1581): their number leaves every call list. */
export async function forgetPhoneNumber(body: unknown, caller: Caller): Promise<Result<{ purged: number }>> {
  const denied = forbiddenUnless(caller, ['communications'], DENIED);
  if (denied) return denied;
  const input = validate(forgetInput, body);
  if (!input.ok) return input;
  return rpc<Result<{ purged: number }>>('staff_forget_phone_number', { p_phone: input.value.phone }, caller);
}
