import type { Config } from '@netlify/functions';
import { drain } from '../src/lib/email/drain.ts';
import { purgeEmail } from '../src/lib/email/purge.ts';

// A scheduled function has no route: Netlify runs it every minute, and the local host (which mounts only
// functions with a `config.path`) runs its own loop instead (scripts/host/email-drain.ts).
export default async () => {
  // Netlify stops a scheduled function at 30 s; a claim cut short comes back after its lease.
  const counts = await drain({ budgetMs: 20_000 });
  const purged = await purgeEmail();
  console.log(JSON.stringify({ level: 'info', job: 'email-sender', ...counts, purged }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '* * * * *' };
