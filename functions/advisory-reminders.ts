import type { Config } from '@netlify/functions';
import { runDailyWork } from '../src/lib/advisory/daily-work.ts';

// Netlify scheduled function: reminders go out 24 hours before each session (the hourly beat keeps
// them within the hour), and the slots of days entering the 30-day horizon are added.
export default async () => {
  const result = await runDailyWork();
  console.log(JSON.stringify({ level: 'info', job: 'advisory-reminders', ...result }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '@hourly' };
