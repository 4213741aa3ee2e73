import { rpc, type Caller } from '../../db/store.ts';
import { validate } from '../../validation.ts';
import type { Result } from '../../result.ts';
import { surveyDefinitionInput } from './definition-schema.ts';
import type { SavedSurvey } from './types.ts';

/** `questions.2.options.1.value` → `questions.2.options`: the builder shows one message per list. */
function byQuestionField(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const key = path.replace(/^(questions\.\d+\.(?:options|items|condition))\..*$/, '$1');
    out[key] ??= message;
  }
  return out;
}

/**
 * Creates or replaces a survey definition as a whole. With `createOnly`, an existing slug is a
 * conflict (the «Nueva encuesta» form must never overwrite). Once a survey has answers, the SQL lock
 * refuses changes that would break them (409 locked) and nothing is written.
 */
export async function saveSurvey(body: unknown, caller: Caller, options: { createOnly?: boolean } = {}): Promise<Result<SavedSurvey>> {
  const input = validate(surveyDefinitionInput, body);
  if (!input.ok) return { ok: false, error: { ...input.error, fields: byQuestionField(input.error.fields ?? {}) } };
  return rpc<Result<SavedSurvey>>('staff_save_survey', { p_definition: input.value, p_create_only: options.createOnly ?? false }, caller);
}
