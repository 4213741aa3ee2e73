import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { forbiddenUnless } from '../../auth/require-role.ts';
import { validate } from '../../validation.ts';
import { EVENT_EDITORS } from './roles.ts';
import { createEventInput, updateEventInput, type StaffEvent } from './schemas.ts';

const DENIED = 'Su rol no permite crear ni editar eventos. Pida el rol de comunicaciones.';

/** A new event; without `opensAt` registration opens at once, without `closesAt` it closes when the event starts. */
export async function createEvent(body: unknown, caller: Caller): Promise<Result<StaffEvent>> {
  const denied = forbiddenUnless(caller, EVENT_EDITORS, DENIED);
  if (denied) return denied;
  const input = validate(createEventInput, body);
  if (!input.ok) return input;
  const { slug, ...event } = input.value;
  return rpc<Result<StaffEvent>>('staff_save_event', { p_slug: slug, p_event: event, p_create: true }, caller);
}

/** Edits an event; the aforo may grow, and shrink only down to the seats already taken. */
export async function updateEvent(slug: string, body: unknown, caller: Caller): Promise<Result<StaffEvent>> {
  const denied = forbiddenUnless(caller, EVENT_EDITORS, DENIED);
  if (denied) return denied;
  const input = validate(updateEventInput, body);
  if (!input.ok) return input;
  return rpc<Result<StaffEvent>>('staff_save_event', { p_slug: slug, p_event: input.value, p_create: false }, caller);
}
