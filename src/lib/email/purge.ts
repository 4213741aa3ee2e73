import { rpc, SERVICE } from '../db/store.ts';

/** Ley 1581 minimisation (see the sender migration): payloads of long-failed messages and old mailbox copies go. */
export function purgeEmail(): Promise<{ failedPayloads: number; mailbox: number }> {
  return rpc('email_purge', {}, SERVICE);
}
