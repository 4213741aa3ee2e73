import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import type { TextAnswer } from '../schemas.ts';

export type TextAnswerList = { slug: string; title: string; answers: TextAnswer[] };

/** Free-text answers of a survey with their review state, awaiting review first. */
export function listTextAnswers(slug: string, caller: Caller): Promise<Result<TextAnswerList>> {
  return rpc<Result<TextAnswerList>>('staff_list_text_answers', { p_slug: slug }, caller);
}
