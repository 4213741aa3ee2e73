import type { Caller } from '../../db/store.ts';
import { fail, type Result } from '../../result.ts';
import { activityInput, type Activity } from '../schemas.ts';
import { numericId, staffCall } from './call.ts';

const NOT_FOUND = fail<Activity>({ code: 'not_found', message: 'No existe esa actividad del cronograma.' });

/** A new schedule activity; its year is the year it starts. */
export const createActivity = (body: unknown, caller: Caller): Promise<Result<Activity>> =>
  staffCall(caller, activityInput, body, 'staff_save_accountability_activity', (v) => ({ p_id: null, p_activity: v }));

/** Edits an activity: dates, area, channel, status (done stamps the day, which judges fulfilment on time). */
export async function updateActivity(id: string, body: unknown, caller: Caller): Promise<Result<Activity>> {
  const activityId = numericId(id);
  if (activityId === null) return NOT_FOUND;
  return staffCall(caller, activityInput, body, 'staff_save_accountability_activity', (v) => ({ p_id: activityId, p_activity: v }));
}
