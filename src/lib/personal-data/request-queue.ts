import { forbiddenUnless } from '../auth/require-role.ts';
import { rpc, SERVICE, type Caller } from '../db/store.ts';
import { fail, type Result } from '../result.ts';
import { validate } from '../validation.ts';
import { DATA_OFFICERS } from './requests.ts';
import { answerInput, extendInput, requestId, type DataRequest } from './schemas.ts';

const FORBIDDEN = 'Solo el administrador (oficial de protección de datos) atiende las solicitudes de datos personales.';
const NOT_FOUND = fail({ code: 'not_found', message: 'No existe esa solicitud.' });

/** The officer's queue: open requests first by legal due date, each flagged when overdue. */
export async function listDataRequests(caller: Caller): Promise<Result<DataRequest[]>> {
  const denied = forbiddenUnless(caller, DATA_OFFICERS, FORBIDDEN);
  if (denied) return denied;
  return rpc<Result<DataRequest[]>>('staff_list_personal_data_requests', {}, caller);
}

/** One extension (+5 working days consulta, +8 reclamo), its reason e-mailed to the person. */
export async function extendDataRequest(id: string, body: unknown, caller: Caller): Promise<Result<DataRequest>> {
  const denied = forbiddenUnless(caller, DATA_OFFICERS, FORBIDDEN);
  if (denied) return denied;
  if (!requestId.safeParse(id).success) return NOT_FOUND;
  const input = validate(extendInput, body);
  if (!input.ok) return input;
  return rpc<Result<DataRequest>>('staff_extend_personal_data_request', { p_id: id, p_reason: input.value.reason }, caller);
}

/** The answer, e-mailed to the person through the outbox; the request is then closed. */
export async function answerDataRequest(id: string, body: unknown, caller: Caller): Promise<Result<DataRequest>> {
  const denied = forbiddenUnless(caller, DATA_OFFICERS, FORBIDDEN);
  if (denied) return denied;
  if (!requestId.safeParse(id).success) return NOT_FOUND;
  const input = validate(answerInput, body);
  if (!input.ok) return input;
  return rpc<Result<DataRequest>>('staff_answer_personal_data_request', { p_id: id, p_answer: input.value.answer }, caller);
}

/** Scheduled: completes the supresiones that waited for an event or session now past; forgets expired links. */
export const completeDataRequests = () => rpc<{ completed: number; forgotten: number }>('complete_personal_data_requests', {}, SERVICE);
