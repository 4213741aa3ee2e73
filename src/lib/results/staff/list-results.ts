import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import type { StaffResultsSummary } from '../schemas.ts';

/** Every survey with its responses, publication state and texts awaiting review: the staff results index. */
export function listResultsForStaff(caller: Caller): Promise<Result<StaffResultsSummary[]>> {
  return rpc<Result<StaffResultsSummary[]>>('staff_list_survey_results', {}, caller);
}
