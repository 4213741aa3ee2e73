import type { Caller } from '../../db/store.ts';
import type { DomainError } from '../../result.ts';
import { applyEdit, type BuilderAction } from './builder-edits.ts';
import { getSurveyForStaff } from './get-survey.ts';
import { saveSurvey } from './save-survey.ts';
import type { SavedSurvey } from './types.ts';

export type EditOutcome =
  | { ok: true; survey: SavedSurvey; action: BuilderAction; focus: string | null }
  | { ok: false; error: DomainError; action: BuilderAction | null; index: number | null };

/**
 * One form of the builder page: read the stored definition, apply the edit, save the whole. The
 * save runs every rule and the lock, so a page edit is exactly as safe as an API replace.
 */
export async function editSurvey(slug: string, data: Record<string, unknown>, caller: Caller): Promise<EditOutcome> {
  const stored = await getSurveyForStaff(slug, caller);
  if (!stored.ok) return { ok: false, error: stored.error, action: null, index: null };
  const edit = applyEdit(stored.value.definition, data);
  if (!edit.ok) return { ok: false, error: { code: 'validation_failed', message: edit.message }, action: null, index: null };
  const saved = await saveSurvey(edit.definition, caller);
  if (!saved.ok) return { ok: false, error: saved.error, action: edit.action, index: edit.index };
  return { ok: true, survey: saved.value, action: edit.action, focus: edit.focus };
}
