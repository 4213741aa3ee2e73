import { rpc } from '../db/store.ts';
import type { Result } from '../result.ts';

/** Lapses every held offer past its time and passes its seats to the next in line; returns how many. */
export async function expireOffers(): Promise<{ expired: number }> {
  const result = await rpc<Result<{ expired: number }>>('expire_waitlist_offers');
  return result.ok ? result.value : { expired: 0 };
}
