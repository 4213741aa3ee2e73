import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { pathYear, planActivityInput, planActivityUpdateInput, type StaffPlanActivity } from '../schemas.ts';

/** Adds an activity to a draft plan. */
export async function addActivity(yearParam: string, body: unknown, caller: Caller): Promise<Result<StaffPlanActivity>> {
  const year = pathYear(yearParam);
  if (!year.ok) return year;
  const input = validate(planActivityInput, body);
  if (!input.ok) return input;
  return rpc('staff_save_plan_activity', { p_year: year.value, p_code: null, p_activity: input.value }, caller);
}

/** Changes an activity of a draft plan; its code stays, since what hangs off the activity points at it. */
export async function updateActivity(yearParam: string, code: string, body: unknown, caller: Caller): Promise<Result<StaffPlanActivity>> {
  const year = pathYear(yearParam);
  if (!year.ok) return year;
  const input = validate(planActivityUpdateInput, body);
  if (!input.ok) return input;
  return rpc('staff_save_plan_activity', { p_year: year.value, p_code: code, p_activity: input.value }, caller);
}
