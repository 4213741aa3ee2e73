import type { Config } from '@netlify/functions';
import { applyRetention } from '../src/lib/personal-data/retention.ts';

// Netlify scheduled function, 03:30 in Bogotá: personal fields whose retention period has passed are
// suppressed with nobody at the keyboard (Ley 1581, art. 4 b). The counts per dataset go to the log.
export default async () => {
  const suppressed = await applyRetention();
  console.log(JSON.stringify({ level: 'info', job: 'personal-data-retention', suppressed }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '30 8 * * *' };
