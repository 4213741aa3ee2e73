import type { Caller } from '../../db/store.ts';
import { fail, type Result } from '../../result.ts';
import { evidenceInput, type Activity } from '../schemas.ts';
import { numericId, staffCall } from './call.ts';

/** Links a piece of evidence (a page, a recording, a document) to a schedule activity. */
export async function addEvidence(id: string, body: unknown, caller: Caller): Promise<Result<Activity>> {
  const activityId = numericId(id);
  if (activityId === null) return fail({ code: 'not_found', message: 'No existe esa actividad del cronograma.' });
  return staffCall(caller, evidenceInput, body, 'staff_add_accountability_evidence', (v) => ({ p_activity_id: activityId, p_label: v.label, p_url: v.url }));
}
