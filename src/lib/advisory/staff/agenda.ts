import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { ADVISORS } from './roles.ts';
import { agendaQuery, recordInput, type Agenda, type StaffBooking } from './schemas.ts';

const DENIED = 'Su rol no permite ver agendas de asesoría. Pida el rol de asesor.';

/** Slots and bookings between two Bogotá days: an advisor's own, or every advisor's for admins. */
export async function readAgenda(query: Record<string, unknown>, caller: Caller): Promise<Result<Agenda>> {
  const denied = forbiddenUnless(caller, ADVISORS, DENIED);
  if (denied) return denied;
  const input = validate(agendaQuery, query);
  if (!input.ok) return input;
  const { from, to, advisorId } = input.value;
  return rpc<Result<Agenda>>('staff_advisory_agenda', { p_from: from, p_to: to, p_advisor_id: advisorId }, caller);
}

/** One booking of the caller's agenda, with its intake answers and record. */
export async function readBooking(code: string, caller: Caller): Promise<Result<StaffBooking>> {
  return forbiddenUnless(caller, ADVISORS, DENIED) ?? rpc<Result<StaffBooking>>('staff_get_advisory_booking', { p_code: code }, caller);
}

/**
 * Attendance and the advice record, by the booking's advisor once the session has started; the first
 * "attended" sends the satisfaction survey invitation.
 */
export async function recordSession(code: string, body: unknown, caller: Caller): Promise<Result<StaffBooking>> {
  const denied = forbiddenUnless(caller, ADVISORS, DENIED);
  if (denied) return denied;
  const input = validate(recordInput, body);
  if (!input.ok) return input;
  return rpc<Result<StaffBooking>>('staff_record_advisory_session', { p_code: code, p_record: input.value }, caller);
}
