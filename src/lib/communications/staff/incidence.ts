import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { commitmentInput, evidenceInput, exerciseRef, incidenceInput, milestoneInput, type Incidence } from '../schemas.ts';
import { DENIED, PUBLISHERS } from './roles.ts';

type Ref = Record<string, string>;

/** Every exercise's incidence, unpublished ones included. */
export async function listIncidence(caller: Caller): Promise<Result<Incidence[]>> {
  return forbiddenUnless(caller, PUBLISHERS, DENIED) ?? rpc<Result<Incidence[]>>('staff_list_incidence', {}, caller);
}

/** Checks the role, the exercise reference and the body, then makes the one SQL call. */
async function write<T>(caller: Caller, ref: Ref, schema: Parameters<typeof validate>[0], body: unknown, call: (ref: Ref, value: unknown) => Promise<Result<T>>): Promise<Result<T>> {
  const denied = forbiddenUnless(caller, PUBLISHERS, DENIED);
  if (denied) return denied;
  const target = validate(exerciseRef, ref);
  if (!target.ok) return target;
  const input = validate(schema, body);
  if (!input.ok) return input;
  return call(target.value, input.value);
}

/** Creates or replaces what citizens said and what the agency did for one exercise, named by kind + slug in the body. */
export async function saveIncidence(body: unknown, caller: Caller): Promise<Result<Incidence>> {
  const denied = forbiddenUnless(caller, PUBLISHERS, DENIED);
  if (denied) return denied;
  const input = validate(incidenceInput, body);
  if (!input.ok) return input;
  const { kind, slug, ...exercise } = input.value;
  return rpc<Result<Incidence>>('staff_save_incidence', { p_kind: kind, p_slug: slug, p_exercise: exercise }, caller);
}

export const addCommitment = (ref: Ref, body: unknown, caller: Caller) =>
  write(caller, ref, commitmentInput, body, (r, v) =>
    rpc<Result<{ id: number; exercise: Incidence }>>('staff_add_commitment', { p_kind: r.kind, p_slug: r.slug, p_commitment: v }, caller));

export const addEvidence = (ref: Ref, body: unknown, caller: Caller) =>
  write(caller, ref, evidenceInput, body, (r, v) => rpc<Result<Incidence>>('staff_add_incidence_evidence', { p_kind: r.kind, p_slug: r.slug, p_evidence: v }, caller));

/** A dated step of a commitment; the commitment takes the status of its latest step. */
export async function addMilestone(commitmentId: string, body: unknown, caller: Caller): Promise<Result<Incidence>> {
  const denied = forbiddenUnless(caller, PUBLISHERS, DENIED);
  if (denied) return denied;
  if (!/^\d{1,15}$/.test(commitmentId)) return { ok: false, error: { code: 'not_found', message: 'No existe ese compromiso.' } };
  const input = validate(milestoneInput, body);
  if (!input.ok) return input;
  return rpc<Result<Incidence>>('staff_add_milestone', { p_commitment_id: Number(commitmentId), p_milestone: input.value }, caller);
}
