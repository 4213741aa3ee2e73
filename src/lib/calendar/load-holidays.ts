import { rpc, SERVICE, type SqlCall } from '../db/store.ts';
import { colombianHolidays, yearsAround } from './colombian-holidays.ts';

const asService: SqlCall = (fn, args) => rpc(fn, args, SERVICE);

/**
 * Loads last, this and next year's Colombian holidays into the database's working-day calendar: daily from
 * the holidays-sync job through the process store, and once after migrating, in the migrating session,
 * before the seed computes its first due dates.
 */
export async function loadHolidays(today: Date = new Date(), call: SqlCall = asService): Promise<{ loaded: number }> {
  const loaded = (await call('load_public_holidays', { p_days: colombianHolidays(yearsAround(today)) })) as number;
  return { loaded };
}
