import { rpc } from '../db/store.ts';
import type { FollowerCount } from './schemas.ts';

/** Follower counts per network and date, newest first (public figures entered by staff). */
export async function listFollowers(): Promise<FollowerCount[]> {
  return (await rpc<FollowerCount[] | null>('list_social_followers')) ?? [];
}
