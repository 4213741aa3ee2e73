import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { forbiddenUnless } from '../../auth/require-role.ts';
import { EVENT_READERS } from './roles.ts';
import type { StaffEvent } from './schemas.ts';

const DENIED = 'Su rol no permite ver los eventos. Pida el rol de taquilla o de comunicaciones.';

/** Every event, next first, with its live counts. */
export async function listEvents(caller: Caller): Promise<Result<StaffEvent[]>> {
  return forbiddenUnless(caller, EVENT_READERS, DENIED) ?? rpc<Result<StaffEvent[]>>('staff_list_events', {}, caller);
}

/** One event with its live counts. */
export async function getEvent(slug: string, caller: Caller): Promise<Result<StaffEvent>> {
  return forbiddenUnless(caller, EVENT_READERS, DENIED) ?? rpc<Result<StaffEvent>>('staff_get_event', { p_slug: slug }, caller);
}
