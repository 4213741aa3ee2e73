import { rpc } from '../db/store.ts';
import type { Plan } from './schemas.ts';

/** The participation plan grouped by phase, with status and evidence: home page and GET /api/plan. */
export async function getPlan(): Promise<Plan> {
  return (await rpc<Plan | null>('get_plan')) ?? { phases: [] };
}
