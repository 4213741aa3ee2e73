import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import { fail, type Result } from '../../result.ts';
import { isUuid, validate } from '../../validation.ts';
import { ADVISORS, ADVISORY_ADMINS } from './roles.ts';
import { advisorInput, dayOffInput, rulesInput, slotInput, type Advisor } from './schemas.ts';

const ADMINS_ONLY = 'Solo un administrador gestiona los asesores y su disponibilidad.';
const NO_ADVISOR = fail({ code: 'not_found', message: 'No existe ese asesor.' });

/** Registers an advisor; their weekly rules produce the slots of the coming 30 days at once. */
export async function createAdvisor(body: unknown, caller: Caller): Promise<Result<Advisor>> {
  const denied = forbiddenUnless(caller, ADVISORY_ADMINS, ADMINS_ONLY);
  if (denied) return denied;
  const input = validate(advisorInput, body);
  if (!input.ok) return input;
  return rpc<Result<Advisor>>('staff_create_advisor', { p_advisor: input.value }, caller);
}

/** Replaces an advisor's weekly rules; free future slots follow, booked ones stay. */
export async function setRules(advisorId: string, body: unknown, caller: Caller): Promise<Result<Advisor>> {
  const denied = forbiddenUnless(caller, ADVISORY_ADMINS, ADMINS_ONLY);
  if (denied) return denied;
  if (!isUuid(advisorId)) return NO_ADVISOR;
  const input = validate(rulesInput, body);
  if (!input.ok) return input;
  return rpc<Result<Advisor>>('staff_set_advisor_rules', { p_advisor_id: advisorId, p_rules: input.value.rules }, caller);
}

export type DayOff = { day: string; withdrawn: number; stillBooked: number };

/** A day without sessions: its free slots are withdrawn; booked ones are counted for staff to move. */
export async function addDayOff(advisorId: string, body: unknown, caller: Caller): Promise<Result<DayOff>> {
  const denied = forbiddenUnless(caller, ADVISORY_ADMINS, ADMINS_ONLY);
  if (denied) return denied;
  if (!isUuid(advisorId)) return NO_ADVISOR;
  const input = validate(dayOffInput, body);
  if (!input.ok) return input;
  return rpc<Result<DayOff>>('staff_add_advisor_day_off', { p_advisor_id: advisorId, p_day: input.value.day, p_reason: input.value.reason }, caller);
}

/** One extra slot outside the weekly rules. */
export async function createSlot(body: unknown, caller: Caller): Promise<Result<{ id: string }>> {
  const denied = forbiddenUnless(caller, ADVISORY_ADMINS, ADMINS_ONLY);
  if (denied) return denied;
  const input = validate(slotInput, body);
  if (!input.ok) return input;
  const { advisorId, startsAt, endsAt } = input.value;
  return rpc<Result<{ id: string }>>('staff_create_advisory_slot', { p_advisor_id: advisorId, p_starts_at: startsAt, p_ends_at: endsAt }, caller);
}

/** Advisors the caller may see: all for admins, themselves for an advisor. */
export async function listAdvisors(caller: Caller): Promise<Result<Advisor[]>> {
  return forbiddenUnless(caller, ADVISORS, 'Su rol no permite ver los asesores.') ?? rpc<Result<Advisor[]>>('staff_list_advisors', {}, caller);
}
