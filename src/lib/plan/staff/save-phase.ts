import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { pathYear, planPhaseInput } from '../schemas.ts';

/** Adds a phase to a draft plan, or renames the phase with that number. */
export async function savePhase(yearParam: string, body: unknown, caller: Caller): Promise<Result<{ code: number; name: string }>> {
  const year = pathYear(yearParam);
  if (!year.ok) return year;
  const input = validate(planPhaseInput, body);
  if (!input.ok) return input;
  return rpc('staff_save_plan_phase', { p_year: year.value, p_code: input.value.code, p_name: input.value.name }, caller);
}
