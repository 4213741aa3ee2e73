import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { planVersionInput, type PlanVersion } from '../schemas.ts';

/** Publishes a new version of the plan (dated today in Bogotá) with what changed; its number is used once. */
export async function publishPlanVersion(body: unknown, caller: Caller): Promise<Result<PlanVersion>> {
  const input = validate(planVersionInput, body);
  if (!input.ok) return input;
  return rpc<Result<PlanVersion>>('staff_publish_plan_version', { p_version: input.value.version, p_changes: input.value.changes }, caller);
}
