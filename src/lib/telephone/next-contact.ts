import { rpc, type Caller } from '../db/store.ts';
import { validate } from '../validation.ts';
import type { Result } from '../result.ts';
import { forbiddenUnless } from '../auth/require-role.ts';
import { emptyInput, type NextContact } from './schemas.ts';

/** The interviewer takes the next due contact of the survey (or gets back the one they hold). */
export async function nextContact(slug: string, body: unknown, caller: Caller): Promise<Result<NextContact>> {
  const denied = forbiddenUnless(caller, ['interviewer'], 'Solo el equipo de encuestadores puede tomar contactos de la lista.');
  if (denied) return denied;
  const input = validate(emptyInput, body);
  if (!input.ok) return input;
  return rpc<Result<NextContact>>('staff_next_phone_contact', { p_survey_slug: slug }, caller);
}
