import { rpc, SERVICE } from '../db/store.ts';
import type { Result } from '../result.ts';

/** Rolls finished days up into daily figures, purges old raw views and past salts; returns the days rolled. */
export async function rollUpVisits(): Promise<{ days: number }> {
  const result = await rpc<Result<{ days: number }>>('roll_up_visits', {}, SERVICE);
  return result.ok ? result.value : { days: 0 };
}
