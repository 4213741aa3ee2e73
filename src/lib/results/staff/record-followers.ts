import { rpc, type Caller } from '../../db/store.ts';
import { validate } from '../../validation.ts';
import type { Result } from '../../result.ts';
import { followersInput, type FollowerCount } from '../schemas.ts';

/** Records a network's follower count on a date (the latest one gives responses per 1,000 followers). */
export async function recordFollowers(body: unknown, caller: Caller): Promise<Result<FollowerCount>> {
  const input = validate(followersInput, body);
  if (!input.ok) return input;
  const { network, measuredOn, followers } = input.value;
  return rpc<Result<FollowerCount>>('staff_record_followers', { p_network: network, p_measured_on: measuredOn, p_followers: followers }, caller);
}
