import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { planYearInput, type PlanYearSummary } from '../schemas.ts';

/** A draft plan for a year: empty, or a copy of another year's (dates moved to the new year, no progress). */
export async function createPlan(body: unknown, caller: Caller): Promise<Result<PlanYearSummary>> {
  const input = validate(planYearInput, body);
  if (!input.ok) return input;
  return rpc('staff_create_plan', { p_year: input.value.year, p_copy_from: input.value.copyFrom ?? null }, caller);
}
