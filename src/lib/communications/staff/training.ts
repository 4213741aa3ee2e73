import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { createTrainingInput, updateTrainingInput } from '../schemas.ts';
import { DENIED, PUBLISHERS } from './roles.ts';

type SavedSession = { slug: string; topic: string };

/** A new training session; `eventSlug` names the tickets event people sign up through, if it takes sign-ups. */
export async function createTraining(body: unknown, caller: Caller): Promise<Result<SavedSession>> {
  const denied = forbiddenUnless(caller, PUBLISHERS, DENIED);
  if (denied) return denied;
  const input = validate(createTrainingInput, body);
  if (!input.ok) return input;
  const { slug, ...session } = input.value;
  return rpc<Result<SavedSession>>('staff_save_training', { p_slug: slug, p_session: session, p_create: true }, caller);
}

/** Edits a session, e.g. to record its attendance and materials once held. */
export async function updateTraining(slug: string, body: unknown, caller: Caller): Promise<Result<SavedSession>> {
  const denied = forbiddenUnless(caller, PUBLISHERS, DENIED);
  if (denied) return denied;
  const input = validate(updateTrainingInput, body);
  if (!input.ok) return input;
  return rpc<Result<SavedSession>>('staff_save_training', { p_slug: slug, p_session: input.value, p_create: false }, caller);
}
