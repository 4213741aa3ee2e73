import { MONITORING_EDITORS } from './roles.ts';
import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { publishInput } from '../schemas.ts';

export type MonitoringReportKind = 'sitio' | 'redes';
export type Published = { id: number; activityCode: string; label: string; url: string };

/** Staff publish a report's period: the plan activity (4.2 visits, 4.1 networks) links to it as evidence. */
export async function publishReport(report: string, body: unknown, caller: Caller): Promise<Result<Published>> {
  const denied = forbiddenUnless(caller, MONITORING_EDITORS, 'No tiene permiso para publicar informes de monitoreo.');
  if (denied) return denied;
  const input = validate(publishInput, body);
  if (!input.ok) return input;
  return rpc<Result<Published>>('staff_publish_monitoring_report', { p_report: report, p_from: input.value.desde, p_to: input.value.hasta }, caller);
}
