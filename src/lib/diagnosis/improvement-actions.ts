import { listImprovementActions } from '../improvement/actions.ts';
import type { ImprovementAction } from '../improvement/schemas.ts';
import type { DiagnosisReport } from './schemas.ts';

/** The improvement actions that came from the proposals on this report's requirements (any year's). */
export async function improvementActionsFor(report: DiagnosisReport): Promise<ImprovementAction[]> {
  const codes = new Set(report.items.map((item) => item.code));
  return (await listImprovementActions('diagnosis')).filter((action) => codes.has(action.sourceRef));
}

/** True when this proposal already is an improvement action (the SQL function refuses a second one). */
export const isTracked = (actions: ImprovementAction[], code: string, proposal: string | null) =>
  actions.some((action) => action.sourceRef === code && action.title === proposal);
