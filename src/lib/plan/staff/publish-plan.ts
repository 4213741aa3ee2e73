import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { pathYear, planPublishInput, type PlanYearSummary } from '../schemas.ts';

/** Publishes a draft plan whole, with its version and what changed; in force from effectiveFrom (default 1 January). */
export async function publishPlan(yearParam: string, body: unknown, caller: Caller): Promise<Result<PlanYearSummary>> {
  const year = pathYear(yearParam);
  if (!year.ok) return year;
  const input = validate(planPublishInput, body);
  if (!input.ok) return input;
  const { version, changes, effectiveFrom } = input.value;
  return rpc('staff_publish_plan', { p_year: year.value, p_version: version, p_changes: changes, p_effective_from: effectiveFrom ?? null }, caller);
}
