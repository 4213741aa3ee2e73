import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import { fail, type Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { addChallengeInput, openVoteInput, updateChallengeInput, type PolicyRound } from '../schemas.ts';
import { GAME_MASTERS } from './roles.ts';

/** Adds a challenge (and its quiz) to the week of `weekOf`. */
export async function addChallenge(body: unknown, caller: Caller): Promise<Result<{ id: number; weekStart: string }>> {
  const denied = forbiddenUnless(caller, GAME_MASTERS, 'Solo un administrador puede crear retos.');
  if (denied) return denied;
  const input = validate(addChallengeInput, body);
  if (!input.ok) return input;
  return rpc('staff_paper_add_challenge', { p_challenge: input.value }, caller);
}

/** Corrects a challenge's wording or points; points already earned keep their value. */
export async function updateChallenge(id: string, body: unknown, caller: Caller): Promise<Result<{ id: number; weekStart: string }>> {
  const denied = forbiddenUnless(caller, GAME_MASTERS, 'Solo un administrador puede editar retos.');
  if (denied) return denied;
  if (!/^[1-9][0-9]{0,17}$/.test(id)) return fail({ code: 'not_found', message: 'El reto no existe.' });
  const input = validate(updateChallengeInput, body);
  if (!input.ok) return input;
  return rpc('staff_paper_update_challenge', { p_id: id, p_challenge: input.value }, caller);
}

/** Opens the paper-policy vote until `closesAt` (one vote open at a time). */
export async function openVote(body: unknown, caller: Caller): Promise<Result<PolicyRound>> {
  const denied = forbiddenUnless(caller, GAME_MASTERS, 'Solo un administrador puede abrir la votación.');
  if (denied) return denied;
  const input = validate(openVoteInput, body);
  if (!input.ok) return input;
  return rpc('staff_paper_open_round', { p_title: input.value.title, p_closes_at: input.value.closesAt }, caller);
}
