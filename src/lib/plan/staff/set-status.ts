import { rpc, type Caller } from '../../db/store.ts';
import { validate } from '../../validation.ts';
import type { Result } from '../../result.ts';
import { activityStatusInput, type PlanActivity } from '../schemas.ts';

export async function setActivityStatus(code: string, body: unknown, caller: Caller): Promise<Result<PlanActivity>> {
  const input = validate(activityStatusInput, body);
  if (!input.ok) return input;
  return rpc<Result<PlanActivity>>('staff_set_activity_status', { p_code: code, p_status: input.value.status }, caller);
}
