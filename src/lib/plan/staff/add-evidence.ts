import { rpc, type Caller } from '../../db/store.ts';
import { validate } from '../../validation.ts';
import type { Result } from '../../result.ts';
import { evidenceInput, type PlanEvidence } from '../schemas.ts';

export async function addActivityEvidence(code: string, body: unknown, caller: Caller): Promise<Result<PlanEvidence>> {
  const input = validate(evidenceInput, body);
  if (!input.ok) return input;
  return rpc<Result<PlanEvidence>>('staff_add_activity_evidence', { p_code: code, p_label: input.value.label, p_url: input.value.url }, caller);
}
