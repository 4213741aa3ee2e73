import { MONITORING_EDITORS } from './roles.ts';
import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { snapshotInput, type SnapshotInput } from '../schemas.ts';

/** posts, reach and engagement are present only when recorded. */
export type Snapshot = { network: string; measuredOn: string; followers: number; posts?: number | null; reach?: number | null; engagement?: number | null };

/** Staff record what a network's statistics show on a date; a second reading that day replaces the first. */
export async function recordSnapshot(body: unknown, caller: Caller): Promise<Result<Snapshot>> {
  const denied = forbiddenUnless(caller, MONITORING_EDITORS, 'No tiene permiso para registrar cifras de redes sociales.');
  if (denied) return denied;
  const input = validate(snapshotInput, body);
  if (!input.ok) return input;
  return rpc<Result<Snapshot>>('staff_record_followers', snapshotArgs(input.value), caller);
}

const snapshotArgs = (s: SnapshotInput) => ({
  p_network: s.network,
  p_measured_on: s.measuredOn,
  p_followers: s.followers,
  p_posts: s.posts ?? null,
  p_reach: s.reach ?? null,
  p_engagement: s.engagement ?? null,
});
