import { rpc, type Caller } from '../db/store.ts';
import type { Result } from '../result.ts';
import { forbiddenUnless } from '../auth/require-role.ts';
import type { QueueStatus } from './schemas.ts';

/** Counts of a survey's call list for the staff page; no personal data. */
export async function getQueueStatus(slug: string, caller: Caller): Promise<Result<QueueStatus>> {
  const denied = forbiddenUnless(caller, ['interviewer', 'communications'], 'Su rol no permite ver la lista de llamadas.');
  if (denied) return denied;
  return rpc<Result<QueueStatus>>('staff_telephone_queue', { p_survey_slug: slug }, caller);
}
