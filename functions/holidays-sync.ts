import type { Config } from '@netlify/functions';
import { loadHolidays } from '../src/lib/calendar/load-holidays.ts';

// Netlify scheduled function: Supabase applies the migrations but cannot run the holiday library, so the
// working-day calendar is kept here, daily, which also rolls it into each new year without a deploy.
// Self-hosted and local databases get the same load after migrating (scripts/prepare-database.ts).
export default async () => {
  const result = await loadHolidays();
  console.log(JSON.stringify({ level: 'info', job: 'holidays-sync', ...result }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '@daily' };
