import { loadHolidays } from '../src/lib/calendar/load-holidays.ts';
import { migrate, type MigrationOptions, type MigrationReport } from '../src/lib/db/migrate.ts';

/**
 * Migrates, loads the Colombian holiday calendar (working days read it, and the seed already computes due
 * dates), then seeds: what `npm start`, `npm test` and the benchmarks do to a database before using it.
 * On Supabase the CLI migrates and the scheduled function holidays-sync loads the calendar.
 */
export function prepareDatabase(databaseUrl: string, options: Omit<MigrationOptions, 'beforeSeed'>): Promise<MigrationReport> {
  return migrate(databaseUrl, { ...options, beforeSeed: (call) => loadHolidays(new Date(), call) });
}
