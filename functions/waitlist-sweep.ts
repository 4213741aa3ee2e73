import type { Config } from '@netlify/functions';
import { expireOffers } from '../src/lib/tickets/expire-offers.ts';

// Netlify scheduled function: unclaimed waiting-list offers past their time pass to the next in line.
// Claims, joins and cancellations also lapse an event's due offers themselves, so this only bounds how
// long a lapsed offer can wait when nobody touches its event.
export default async () => {
  const result = await expireOffers();
  console.log(JSON.stringify({ level: 'info', job: 'waitlist-sweep', ...result }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '*/5 * * * *' };
