import { rpc } from '../db/store.ts';
import type { Plan, PlanYear, PlanYearSummary } from './schemas.ts';

/** The participation plan grouped by phase, with status and evidence: home page and GET /api/plan. */
export async function getPlan(): Promise<Plan> {
  return (await rpc<Plan | null>('get_plan')) ?? { phases: [] };
}

/** A published year's plan, or null for a draft or a year without a plan: /participa/plan/:year. */
export async function getPlanYear(year: number): Promise<PlanYear | null> {
  return rpc<PlanYear | null>('get_plan_year', { p_year: year });
}

/** Published plans, newest year first, with the one in force marked. */
export async function listPlanYears(): Promise<PlanYearSummary[]> {
  return rpc<PlanYearSummary[]>('list_plan_years');
}
