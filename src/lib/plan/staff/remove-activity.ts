import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { pathYear } from '../schemas.ts';

/** Takes an activity (and its Menú Participa sections) out of a draft plan. */
export async function removeActivity(yearParam: string, code: string, caller: Caller): Promise<Result<{ year: number; code: string }>> {
  const year = pathYear(yearParam);
  if (!year.ok) return year;
  return rpc('staff_delete_plan_activity', { p_year: year.value, p_code: code }, caller);
}
