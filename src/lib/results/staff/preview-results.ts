import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import type { SurveyResults } from '../schemas.ts';

/** Results as staff see them before (or after) publishing. */
export function previewResults(slug: string, caller: Caller): Promise<Result<SurveyResults>> {
  return rpc<Result<SurveyResults>>('staff_get_survey_results', { p_slug: slug }, caller);
}
