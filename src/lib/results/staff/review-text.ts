import { rpc, type Caller } from '../../db/store.ts';
import { validate } from '../../validation.ts';
import { fail, type Result } from '../../result.ts';
import { reviewTextInput, type TextReview } from '../schemas.ts';

/** Marks a free-text answer publishable or not; a redacted text (personal data removed) is published instead. */
export async function reviewTextAnswer(answerId: string, body: unknown, caller: Caller): Promise<Result<TextReview>> {
  if (!/^[1-9][0-9]{0,17}$/.test(answerId)) return fail({ code: 'not_found', message: 'La respuesta abierta no existe.' });
  const input = validate(reviewTextInput, body);
  if (!input.ok) return input;
  return rpc<Result<TextReview>>(
    'staff_review_text_answer',
    { p_answer_id: answerId, p_publishable: input.value.publishable, p_redacted_text: input.value.redactedText ?? null },
    caller,
  );
}
