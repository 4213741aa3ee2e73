import { rpc } from '../db/store.ts';
import type { SurveyResults } from './schemas.ts';

/** Published results of a survey (page and GET /api/surveys/:slug/results); null when missing or unpublished. */
export function getResults(slug: string): Promise<SurveyResults | null> {
  return rpc<SurveyResults | null>('get_survey_results', { p_slug: slug });
}
