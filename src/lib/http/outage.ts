import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { fail, type Result } from '../result.ts';

/**
 * A use case's result, or `unavailable` when the database could not answer: a form then takes its usual
 * failure path — shown again with what was typed and the message — instead of a 500 page.
 */
export async function unlessUnavailable<T>(run: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return fail({ code: 'unavailable' });
    throw error;
  }
}

export { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/unavailable.ts';
