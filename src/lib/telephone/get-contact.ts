import { rpc, type Caller } from '../db/store.ts';
import { fail, type Result } from '../result.ts';
import { forbiddenUnless } from '../auth/require-role.ts';
import { contactIdOf, type PhoneContact } from './schemas.ts';

/** The contact the interviewer is calling, with its history; only the lease holder sees it. */
export async function getContact(id: string | undefined, caller: Caller): Promise<Result<PhoneContact>> {
  const denied = forbiddenUnless(caller, ['interviewer'], 'Solo el equipo de encuestadores puede ver los contactos de la lista.');
  if (denied) return denied;
  const contactId = contactIdOf(id);
  if (contactId === null) return fail({ code: 'not_found', message: 'El contacto no existe.' });
  return rpc<Result<PhoneContact>>('staff_get_phone_contact', { p_contact_id: contactId }, caller);
}
