import { rpc } from '../db/store.ts';
import type { PublishedPolicy } from './schemas.ts';

/** The paper policy as published (evidence of plan activity 3.1), or null before any vote was opened. */
export function getPublishedPolicy(): Promise<PublishedPolicy | null> {
  return rpc<PublishedPolicy | null>('get_paper_policy');
}
