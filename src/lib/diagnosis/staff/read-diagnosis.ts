import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import { fail, type Result } from '../../result.ts';
import { parseYear, type DiagnosisOverview, type DiagnosisReport } from '../schemas.ts';
import { DENIED, DIAGNOSIS_ROLES } from './roles.ts';

/** Every assessment with its overall score, the dimensions and the checklist (retired requirements last). */
export async function getDiagnosisOverview(caller: Caller): Promise<Result<DiagnosisOverview>> {
  return forbiddenUnless(caller, DIAGNOSIS_ROLES, DENIED) ?? rpc<Result<DiagnosisOverview>>('staff_diagnosis_overview', {}, caller);
}

/** One year's diagnosis as admins work on it, draft or published. */
export async function getDiagnosis(year: string, caller: Caller): Promise<Result<DiagnosisReport>> {
  const denied = forbiddenUnless(caller, DIAGNOSIS_ROLES, DENIED);
  if (denied) return denied;
  const parsed = parseYear(year);
  if (parsed === null) return fail({ code: 'not_found', message: 'No hay autodiagnóstico de ese año.' });
  return rpc<Result<DiagnosisReport>>('staff_get_diagnosis', { p_year: parsed }, caller);
}
