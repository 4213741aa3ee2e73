import type { Result } from '../result.ts';
import { readImportForm } from './multipart.ts';
import { MESSAGES } from '../error-messages.ts';
import { STATUS } from './errors.ts';
import { unlessUnavailable } from './outage.ts';
import { staffCaller, type StaffCaller } from './staff.ts';

/** What a staff page that posts to itself shows next: the value (to redirect), or the form again with its errors. */
export type StaffPagePost<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; data: Record<string, unknown>; errors: Record<string, string> };

/**
 * A staff form posted to its own page (so a long text, like a pasted CSV, stays beside its errors): the same
 * caller check as the API (session, same-origin), body and use case; on failure one message per field plus
 * the overall message under `form`.
 */
export async function staffPagePost<T>(request: Request, run: (data: Record<string, unknown>, caller: StaffCaller) => Promise<Result<T>>): Promise<StaffPagePost<T>> {
  const caller = await staffCaller(request);
  if (!caller.ok) return { ok: false, status: STATUS[caller.error.code], data: {}, errors: { form: caller.error.message ?? MESSAGES[caller.error.code] } };
  const body = await readImportForm(request);
  if (!body.ok) return { ok: false, status: STATUS[body.error.code], data: {}, errors: { ...body.error.fields, form: body.error.message ?? MESSAGES[body.error.code] } };
  const result = await unlessUnavailable(run(body.value.data, caller.value));
  if (result.ok) return { ok: true, value: result.value };
  const { error } = result;
  return { ok: false, status: STATUS[error.code], data: body.value.data, errors: { ...(error.fields ?? {}), form: error.message ?? MESSAGES[error.code] } };
}
