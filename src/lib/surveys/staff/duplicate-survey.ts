import { rpc, type Caller } from '../../db/store.ts';
import { validate } from '../../validation.ts';
import type { Result } from '../../result.ts';
import { duplicateInput } from './definition-schema.ts';
import type { StaffSurvey } from './types.ts';

/** Copies a survey into a new draft (no dates, no answers) under `newSlug`. */
export async function duplicateSurvey(slug: string, body: unknown, caller: Caller): Promise<Result<StaffSurvey>> {
  const input = validate(duplicateInput, body);
  if (!input.ok) return input;
  return rpc<Result<StaffSurvey>>('staff_duplicate_survey', { p_slug: slug, p_new_slug: input.value.newSlug }, caller);
}
