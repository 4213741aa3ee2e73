import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { forbiddenUnless } from '../../auth/require-role.ts';
import { validate } from '../../validation.ts';
import { DOORKEEPERS } from './roles.ts';
import { checkInInput, type CheckIn } from './schemas.ts';

/**
 * Lets a ticket in at the door of its event. A ticket goes in once: SQL marks it with one conditional
 * update, so two doors scanning the same code at the same moment admit it exactly once, and the other
 * hears when and by whom it was used.
 */
export async function checkIn(slug: string, body: unknown, caller: Caller): Promise<Result<CheckIn>> {
  const denied = forbiddenUnless(caller, DOORKEEPERS, 'Su rol no permite registrar ingresos. Pida el rol de taquilla.');
  if (denied) return denied;
  const input = validate(checkInInput, body);
  if (!input.ok) return input;
  return rpc<Result<CheckIn>>('staff_check_in', { p_event_slug: slug, p_code: input.value.code }, caller);
}
