import { rpc } from '../db/store.ts';

/** True when the database answers as the public role does. */
export async function checkHealth(): Promise<boolean> {
  try {
    const result = await rpc<{ db: string } | null>('health');
    return result?.db === 'ok';
  } catch {
    return false;
  }
}
