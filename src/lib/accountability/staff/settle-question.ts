import type { Caller } from '../../db/store.ts';
import { fail, type Result } from '../../result.ts';
import { answerInput, moderationInput, type StaffQuestion } from '../schemas.ts';
import { staffCall, uuidId } from './call.ts';

const NOT_FOUND = fail<StaffQuestion>({ code: 'not_found', message: 'No existe esa pregunta.' });

/** Publish, merge into another question (a duplicate), or mark out of scope with a reason: never delete. */
export async function moderateQuestion(id: string, body: unknown, caller: Caller): Promise<Result<StaffQuestion>> {
  const questionId = uuidId(id);
  if (!questionId) return NOT_FOUND;
  return staffCall(caller, moderationInput, body, 'staff_moderate_question', (v) => ({
    p_id: questionId,
    p_action: v.action,
    p_into: v.action === 'merge' ? v.into : null,
    p_reason: v.action === 'out_of_scope' ? v.reason : null,
  }));
}

/** Answers live (with where it is in the recording) or in writing; the asker and its duplicates get it by e-mail. */
export async function answerQuestion(id: string, body: unknown, caller: Caller): Promise<Result<StaffQuestion>> {
  const questionId = uuidId(id);
  if (!questionId) return NOT_FOUND;
  return staffCall(caller, answerInput, body, 'staff_answer_question', (v) => ({
    p_id: questionId,
    p_mode: v.mode,
    p_answer: v.answer,
    p_recording_at: v.mode === 'live' ? v.recordingAt : null,
  }));
}
