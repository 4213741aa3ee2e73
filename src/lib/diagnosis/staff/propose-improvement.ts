import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import type { ImprovementAction } from '../../improvement/schemas.ts';
import { fail, type Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { improvementActionInput, parseYear } from '../schemas.ts';
import { DENIED, DIAGNOSIS_ROLES } from './roles.ts';

/**
 * Turns the proposed action of one requirement into an improvement action (source `diagnosis`, reference
 * the requirement code), tracked like those of the accountability report; once per proposal.
 */
export async function turnIntoImprovementAction(year: string, body: unknown, caller: Caller): Promise<Result<ImprovementAction>> {
  const denied = forbiddenUnless(caller, DIAGNOSIS_ROLES, DENIED);
  if (denied) return denied;
  const parsed = parseYear(year);
  if (parsed === null) return fail({ code: 'not_found', message: 'No hay autodiagnóstico de ese año.' });
  const input = validate(improvementActionInput, body);
  if (!input.ok) return input;
  const { code, ownerArea, dueOn } = input.value;
  return rpc<Result<ImprovementAction>>(
    'staff_diagnosis_improvement_action',
    { p_year: parsed, p_code: code, p_owner_area: ownerArea, p_due_on: dueOn },
    caller,
  );
}
