import { evidenceInput } from '../accountability/schemas.ts';
import { forbiddenUnless } from '../auth/require-role.ts';
import { rpc, type Caller } from '../db/store.ts';
import { fail, type Result } from '../result.ts';
import { isUuid, validate } from '../validation.ts';
import {
  createImprovementInput,
  IMPROVEMENT_EDITORS,
  updateImprovementInput,
  type ImprovementAction,
  type ImprovementSource,
} from './schemas.ts';

const FORBIDDEN = 'Su rol no permite registrar acciones de mejora. Pida el rol de comunicaciones o de administración.';

/** The published actions of an exercise (or of one part of it), by due date, with their progress. */
export function listImprovementActions(source: ImprovementSource, sourceRef?: string): Promise<ImprovementAction[]> {
  return rpc<ImprovementAction[]>('list_improvement_actions', { p_source: source, p_source_ref: sourceRef ?? null });
}

export async function createImprovementAction(body: unknown, caller: Caller): Promise<Result<ImprovementAction>> {
  const denied = forbiddenUnless(caller, IMPROVEMENT_EDITORS, FORBIDDEN);
  if (denied) return denied;
  const input = validate(createImprovementInput, body);
  if (!input.ok) return input;
  const { source, sourceRef, title, ownerArea, dueOn } = input.value;
  return rpc<Result<ImprovementAction>>(
    'staff_create_improvement_action',
    { p_source: source, p_source_ref: sourceRef, p_title: title, p_owner_area: ownerArea, p_due_on: dueOn },
    caller,
  );
}

/** Moves an action to a status with a note; the note joins its public history. */
export async function updateImprovementAction(id: string, body: unknown, caller: Caller): Promise<Result<ImprovementAction>> {
  const denied = forbiddenUnless(caller, IMPROVEMENT_EDITORS, FORBIDDEN);
  if (denied) return denied;
  // An id that is not a UUID names no action; it must not reach the uuid cast as a 500.
  if (!isUuid(id)) return fail({ code: 'not_found', message: 'No existe esa acción de mejora.' });
  const input = validate(updateImprovementInput, body);
  if (!input.ok) return input;
  return rpc<Result<ImprovementAction>>('staff_update_improvement_action', { p_id: id, p_status: input.value.status, p_note: input.value.note }, caller);
}

/** Links a piece of evidence (a document, a photo, a page) to an action; it is published with it. */
export async function addImprovementEvidence(id: string, body: unknown, caller: Caller): Promise<Result<ImprovementAction>> {
  const denied = forbiddenUnless(caller, IMPROVEMENT_EDITORS, FORBIDDEN);
  if (denied) return denied;
  if (!isUuid(id)) return fail({ code: 'not_found', message: 'No existe esa acción de mejora.' });
  const input = validate(evidenceInput, body);
  if (!input.ok) return input;
  return rpc<Result<ImprovementAction>>('staff_add_improvement_evidence', { p_action_id: id, p_label: input.value.label, p_url: input.value.url }, caller);
}
