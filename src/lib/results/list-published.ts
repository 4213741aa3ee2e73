import { rpc } from '../db/store.ts';
import type { PublishedResult } from './schemas.ts';

/** Every survey whose results are published, newest publication first: the /resultados index. */
export async function listPublishedResults(): Promise<PublishedResult[]> {
  return (await rpc<PublishedResult[] | null>('list_published_results')) ?? [];
}
