import { rpc, type Caller } from '../../db/store.ts';
import { fail, type Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { parseId, proposeInput } from '../schemas.ts';

/** Proposes a measure for the open policy vote. */
export async function proposeMeasure(body: unknown, caller: Caller): Promise<Result<{ id: number }>> {
  const input = validate(proposeInput, body);
  if (!input.ok) return input;
  return rpc('staff_paper_propose', { p_title: input.value.title, p_description: input.value.description ?? null }, caller);
}

/** Supports a measure, once per person. */
export async function voteMeasure(id: string, caller: Caller): Promise<Result<{ measureId: number }>> {
  const measure = parseId(id);
  if (measure === null) return fail({ code: 'not_found', message: 'No existe esa medida.' });
  return rpc('staff_paper_vote', { p_measure_id: measure }, caller);
}
