// npm run bench: prints figures, asserts nothing. Uses DATABASE_URL when given (its data is left as it
// was), else a throwaway PostgreSQL cluster from the machine's binaries. Each benchmark is a function in
// scripts/bench/<name>.ts; add it to the list below and it runs in order.
import { prepareDatabase } from './prepare-database.ts';
import { startThrowawayCluster, type Cluster } from './test-postgres.ts';
import { benchAdvisory } from './bench/advisory.ts';
import { benchFlood } from './bench/flood.ts';
import { benchHttpLoad } from './bench/http-load.ts';
import { benchLcp } from './bench/lcp.ts';
import { benchPageWeight } from './bench/page-weight.ts';
import { benchPooler } from './bench/pooler.ts';
import { benchSurveyResults } from './bench/survey-results.ts';
import { benchSurveySubmit } from './bench/survey-submit.ts';
import { benchTickets } from './bench/tickets.ts';
import { benchVisits } from './bench/visits.ts';
import type { Bench } from './bench/types.ts';

const BENCHES: Bench[] = [
  { name: 'page-weight', run: benchPageWeight },
  { name: 'lcp', run: benchLcp },
  { name: 'survey-submit', run: benchSurveySubmit },
  { name: 'http-load', run: benchHttpLoad },
  { name: 'survey-results', run: benchSurveyResults },
  { name: 'tickets', run: benchTickets },
  { name: 'advisory', run: benchAdvisory },
  { name: 'visits', run: benchVisits },
  { name: 'pooler', run: benchPooler },
  { name: 'flood', run: benchFlood },
];

const only = process.argv.slice(2);
let cluster: Cluster | undefined;
let failed = false;
try {
  if (!process.env.DATABASE_URL) cluster = await startThrowawayCluster();
  const databaseUrl = process.env.DATABASE_URL ?? cluster!.url;
  await prepareDatabase(databaseUrl, { seed: true });
  for (const bench of BENCHES) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    const started = performance.now();
    console.log(`# ${bench.name}`);
    try {
      await bench.run({ databaseUrl, log: (line) => console.log(`${bench.name} ${line}`) });
    } catch (error) {
      failed = true;
      console.error(`${bench.name} failed:`, error);
    }
    console.log(`# ${bench.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  cluster?.stop();
}
process.exit(failed ? 1 : 0);
