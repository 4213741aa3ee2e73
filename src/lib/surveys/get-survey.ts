import { rpc } from '../db/store.ts';
import type { SurveyDefinition } from './schemas.ts';

/** Published definition, or null for an unknown slug or a draft. */
export function getSurvey(slug: string): Promise<SurveyDefinition | null> {
  return rpc<SurveyDefinition | null>('get_survey', { p_slug: slug });
}
