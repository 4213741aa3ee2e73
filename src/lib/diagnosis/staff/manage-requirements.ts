import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { addRequirementInput } from '../schemas.ts';
import { DENIED, DIAGNOSIS_ROLES } from './roles.ts';

/** A new requirement of the checklist; drafts include it at once, published assessments never. */
export async function addRequirement(body: unknown, caller: Caller): Promise<Result<{ code: string }>> {
  const denied = forbiddenUnless(caller, DIAGNOSIS_ROLES, DENIED);
  if (denied) return denied;
  const input = validate(addRequirementInput, body);
  if (!input.ok) return input;
  return rpc<Result<{ code: string }>>('staff_add_diagnosis_requirement', { p_requirement: input.value }, caller);
}

/** Retires a requirement: drafts leave it out, past reports keep it. */
export async function retireRequirement(code: string, caller: Caller): Promise<Result<{ code: string; retiredAt: string }>> {
  return forbiddenUnless(caller, DIAGNOSIS_ROLES, DENIED) ?? rpc<Result<{ code: string; retiredAt: string }>>('staff_retire_diagnosis_requirement', { p_code: code }, caller);
}
