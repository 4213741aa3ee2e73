import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import { fail, type Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { parseYear, saveAnswersInput, startDiagnosisInput, type DiagnosisReport } from '../schemas.ts';
import { DENIED, DIAGNOSIS_ROLES } from './roles.ts';

const NO_YEAR = fail<never>({ code: 'not_found', message: 'No hay autodiagnóstico de ese año.' });

/** Opens the draft of a year's assessment. */
export async function startDiagnosis(body: unknown, caller: Caller): Promise<Result<DiagnosisReport>> {
  const denied = forbiddenUnless(caller, DIAGNOSIS_ROLES, DENIED);
  if (denied) return denied;
  const input = validate(startDiagnosisInput, body);
  if (!input.ok) return input;
  return rpc<Result<DiagnosisReport>>('staff_start_diagnosis', { p_year: input.value.year }, caller);
}

/** Saves the verdicts, evidence and proposed actions of a draft, all or none. */
export async function saveAnswers(year: string, body: unknown, caller: Caller): Promise<Result<DiagnosisReport>> {
  const denied = forbiddenUnless(caller, DIAGNOSIS_ROLES, DENIED);
  if (denied) return denied;
  const parsed = parseYear(year);
  if (parsed === null) return NO_YEAR;
  const input = validate(saveAnswersInput, body);
  if (!input.ok) return input;
  return rpc<Result<DiagnosisReport>>('staff_save_diagnosis_answers', { p_year: parsed, p_answers: input.value.answers }, caller);
}

/** Publishes a fully assessed draft: frozen from then on, and listed as evidence of plan activity 1.3. */
export async function publishDiagnosis(year: string, caller: Caller): Promise<Result<DiagnosisReport>> {
  const denied = forbiddenUnless(caller, DIAGNOSIS_ROLES, DENIED);
  if (denied) return denied;
  const parsed = parseYear(year);
  return parsed === null ? NO_YEAR : rpc<Result<DiagnosisReport>>('staff_publish_diagnosis', { p_year: parsed }, caller);
}
