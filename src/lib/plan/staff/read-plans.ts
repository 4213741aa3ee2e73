import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { pathYear, type PlanYearSummary, type StaffPlan } from '../schemas.ts';

/** Every year's plan, drafts included, newest first, with how many activities each has. */
export async function listPlans(caller: Caller): Promise<Result<(PlanYearSummary & { activities: number })[]>> {
  return rpc('staff_list_plans', {}, caller);
}

/** A year's plan as staff edit it, draft or published. */
export async function getStaffPlan(yearParam: string, caller: Caller): Promise<Result<StaffPlan>> {
  const year = pathYear(yearParam);
  if (!year.ok) return year;
  return rpc('staff_get_plan', { p_year: year.value }, caller);
}
