import type { Config } from '@netlify/functions';
import { rollUpVisits } from '../src/lib/monitoring/roll-up-visits.ts';

// Netlify scheduled function, 00:10 in Bogotá: yesterday's visits become daily figures and its salt is
// deleted even on a day nobody visits (the first view of a day does the same otherwise).
export default async () => {
  const result = await rollUpVisits();
  console.log(JSON.stringify({ level: 'info', job: 'visits-rollup', ...result }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '10 5 * * *' };
