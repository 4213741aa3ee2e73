import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import type { StaffSurveySummary } from './types.ts';

/** Every survey, drafts included, newest first, with its response count. */
export function listSurveysForStaff(caller: Caller): Promise<Result<StaffSurveySummary[]>> {
  return rpc<Result<StaffSurveySummary[]>>('staff_list_surveys', {}, caller);
}
