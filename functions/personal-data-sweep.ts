import type { Config } from '@netlify/functions';
import { completeDataRequests } from '../src/lib/personal-data/request-queue.ts';

// Netlify scheduled function: a supresión that waited for an event or a session completes once it has
// passed, and requests never confirmed are forgotten when their link expires.
export default async () => {
  const result = await completeDataRequests();
  console.log(JSON.stringify({ level: 'info', job: 'personal-data-sweep', ...result }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '@hourly' };
