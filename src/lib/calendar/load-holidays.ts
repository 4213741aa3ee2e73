import { colombianHolidays, yearsAround } from '../colombian-holidays.ts';
import { rpc, SERVICE } from '../db/store.ts';

/** Loads last, this and next year's Colombian holidays into the database's working-day calendar. */
export async function loadHolidays(today: Date = new Date()): Promise<{ loaded: number }> {
  const loaded = await rpc<number>('load_public_holidays', { p_days: colombianHolidays(yearsAround(today)) }, SERVICE);
  return { loaded };
}
