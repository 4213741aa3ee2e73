import type { Caller } from '../../db/store.ts';
import { fail, type Result } from '../../result.ts';
import { evaluationInput } from '../schemas.ts';
import { numericId, staffCall } from './call.ts';

export type Evaluation = { year: number; heldOn: string; participants: string; results: string };

/** Records (or corrects) the year's evaluation meeting. */
export async function recordEvaluation(year: string, body: unknown, caller: Caller): Promise<Result<Evaluation>> {
  const y = numericId(year);
  if (y === null || y < 2020 || y > 2100) return fail({ code: 'not_found', message: 'Indique un año entre 2020 y 2100.' });
  return staffCall(caller, evaluationInput, body, 'staff_save_accountability_evaluation', (v) => ({
    p_year: y,
    p_held_on: v.heldOn,
    p_participants: v.participants ?? '',
    p_results: v.results,
  }));
}
