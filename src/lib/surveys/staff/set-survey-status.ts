import { rpc, type Caller } from '../../db/store.ts';
import { validate } from '../../validation.ts';
import type { Result } from '../../result.ts';
import { statusInput } from './definition-schema.ts';
import type { StaffSurvey } from './types.ts';

/** Opens or closes a survey; back to draft only while it has no answers. */
export async function setSurveyStatus(slug: string, body: unknown, caller: Caller): Promise<Result<StaffSurvey>> {
  const input = validate(statusInput, body);
  if (!input.ok) return input;
  return rpc<Result<StaffSurvey>>('staff_set_survey_status', { p_slug: slug, p_status: input.value.status }, caller);
}
