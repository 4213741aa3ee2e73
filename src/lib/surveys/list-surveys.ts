import { rpc } from '../db/store.ts';
import type { SurveySummary } from './schemas.ts';

export async function listSurveys(): Promise<SurveySummary[]> {
  return (await rpc<SurveySummary[] | null>('list_surveys')) ?? [];
}
