import { MONITORING_EDITORS } from './roles.ts';
import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { accountInput } from '../schemas.ts';

export type SocialAccount = { network: string; handle: string; url: string | null };

/** Staff name the agency's account on a network, so the reports say whose followers they count. */
export async function saveAccount(body: unknown, caller: Caller): Promise<Result<SocialAccount>> {
  const denied = forbiddenUnless(caller, MONITORING_EDITORS, 'No tiene permiso para editar las cuentas de redes sociales.');
  if (denied) return denied;
  const input = validate(accountInput, body);
  if (!input.ok) return input;
  const { network, handle, url } = input.value;
  return rpc<Result<SocialAccount>>('staff_save_social_account', { p_network: network, p_handle: handle, p_url: url }, caller);
}
