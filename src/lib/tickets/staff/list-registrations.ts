import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { forbiddenUnless } from '../../auth/require-role.ts';
import { validate } from '../../validation.ts';
import { EVENT_READERS } from './roles.ts';
import { registrationsQuery, type RegistrationPage } from './schemas.ts';

export const PAGE_SIZE = 50;

/** A page of an event's registrations, searched by code, name, document or e-mail; `pageSize` null: all of them. */
export async function listRegistrations(slug: string, query: unknown, caller: Caller, pageSize: number | null = PAGE_SIZE): Promise<Result<RegistrationPage>> {
  const denied = forbiddenUnless(caller, EVENT_READERS, 'Su rol no permite ver las inscripciones. Pida el rol de taquilla.');
  if (denied) return denied;
  const input = validate(registrationsQuery, query);
  if (!input.ok) return input;
  const { q, page } = input.value;
  return rpc<Result<RegistrationPage>>(
    'staff_list_registrations',
    { p_event_slug: slug, p_query: q ?? null, p_limit: pageSize, p_offset: pageSize === null ? 0 : (page - 1) * pageSize },
    caller,
  );
}
