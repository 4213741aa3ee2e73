import type { Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { askerInput, type AskerData } from '../schemas.ts';
import { staffCall } from './call.ts';

/** What the hearings hold about a citizen's address, with the consent given (Ley 1581: consulta). */
export const exportAskerData = (body: unknown, caller: Caller): Promise<Result<AskerData>> =>
  staffCall(caller, askerInput, body, 'staff_export_hearing_asker', (v) => ({ p_email: v.email }));

/** Erases a citizen's name and address from their questions; questions and answers stay public (supresión). */
export const forgetAsker = (body: unknown, caller: Caller): Promise<Result<{ forgotten: number }>> =>
  staffCall(caller, askerInput, body, 'staff_forget_hearing_asker', (v) => ({ p_email: v.email }));
