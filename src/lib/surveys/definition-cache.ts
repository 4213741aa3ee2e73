import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { getSurvey } from './get-survey.ts';
import type { SurveyDefinition } from './schemas.ts';

const TTL_MS = 10_000;
const cache = new Map<string, { at: number; survey: SurveyDefinition }>();

/**
 * Building a definition costs more than recording a response, and every submission needs one to
 * validate. A recent copy is safe to validate with because SQL validates again on write; a submission
 * that a stale copy would reject is checked again against a fresh one (see submit-response.ts).
 */
export async function recentSurvey(slug: string, fresh = false): Promise<SurveyDefinition | null> {
  const hit = cache.get(slug);
  if (!fresh && hit && Date.now() - hit.at < TTL_MS) return hit.survey;
  const survey = await getSurvey(slug);
  if (survey) cache.set(slug, { at: Date.now(), survey });
  else cache.delete(slug);
  return survey;
}

/**
 * The survey page's definition, read afresh (and kept as this process's copy). `orLastKnown`: while the
 * database is away, that copy instead — a citizen posting the form then gets it back with every answer and
 * the message, not an error page (SQL checks the answers again when they are finally recorded).
 */
export async function currentSurvey(slug: string, { orLastKnown }: { orLastKnown: boolean }): Promise<SurveyDefinition | null> {
  try {
    return await recentSurvey(slug, true);
  } catch (error) {
    const known = cache.get(slug);
    if (orLastKnown && known && isDatabaseUnavailable(error)) return known.survey;
    throw error;
  }
}
