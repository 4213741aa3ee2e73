import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { createInvitationInput, updateInvitationInput, type StaffInvitation } from '../schemas.ts';
import { DENIED, PUBLISHERS } from './roles.ts';

export type InvitationList = { invitations: StaffInvitation[]; subscribers: number };

/** Every invitation with where it stands (draft, scheduled, shown, expired, withdrawn) and the list's size. */
export async function listInvitations(caller: Caller): Promise<Result<InvitationList>> {
  return forbiddenUnless(caller, PUBLISHERS, DENIED) ?? rpc<Result<InvitationList>>('staff_list_invitations', {}, caller);
}

/** A new invitation; without `publishAt` it shows at once, with a future one it shows then by itself. */
export async function createInvitation(body: unknown, caller: Caller): Promise<Result<StaffInvitation>> {
  const denied = forbiddenUnless(caller, PUBLISHERS, DENIED);
  if (denied) return denied;
  const input = validate(createInvitationInput, body);
  if (!input.ok) return input;
  const { slug, ...invitation } = input.value;
  return rpc<Result<StaffInvitation>>('staff_save_invitation', { p_slug: slug, p_invitation: invitation, p_create: true }, caller);
}

/** Edits an invitation; its address stays. Withdrawing it is `status: withdrawn`. */
export async function updateInvitation(slug: string, body: unknown, caller: Caller): Promise<Result<StaffInvitation>> {
  const denied = forbiddenUnless(caller, PUBLISHERS, DENIED);
  if (denied) return denied;
  const input = validate(updateInvitationInput, body);
  if (!input.ok) return input;
  return rpc<Result<StaffInvitation>>('staff_save_invitation', { p_slug: slug, p_invitation: input.value, p_create: false }, caller);
}
