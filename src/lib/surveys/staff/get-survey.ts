import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import type { StaffSurvey } from './types.ts';

/** The full definition (drafts too), its status, response count and whether answers lock it. */
export function getSurveyForStaff(slug: string, caller: Caller): Promise<Result<StaffSurvey>> {
  return rpc<Result<StaffSurvey>>('staff_get_survey', { p_slug: slug }, caller);
}
