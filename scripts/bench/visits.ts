// Website visits at scale (plan 4.2): 1,000,000 page views seeded set-based on days of 2001 (removed
// afterwards, so a given DATABASE_URL is left as it was), rolled up as the nightly job does, then the
// report page timed through HTTP; and POST /api/collect under load beside GET /api/health.
// Budgets: the report renders in < 1 s; /api/collect holds p99 < 250 ms at 200 req/s on PostgreSQL and
// 100 req/s on the embedded default.
import postgres from 'postgres';
import { health, holdRate, type Target } from './http-load.ts';
import { servedBuild } from './served.ts';
import type { BenchContext } from './types.ts';

const VIEWS = Number(process.env.BENCH_VIEWS ?? 1_000_000);
const RUNS = 5;
const FROM = '2001-01-01';
const TO = '2001-12-31';
const BUDGETS = [
  { database: 'postgres', rate: 200 },
  { database: 'embedded', rate: 100 },
] as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function seedViews(sql: postgres.Sql): Promise<void> {
  await sql`select setseed(0.42)`;
  await sql`
    insert into public.page_views (viewed_at, day, path, referrer_host, utm_source, utm_medium, utm_campaign, device, browser, country, region, visitor)
    select d + (g % 86400) * interval '1 second', d::date,
           '/pagina-' || (g % 200),
           case when g % 10 between 3 and 5 then 'sitio-' || (g % 20) || '.co' end,
           case when g % 10 >= 8 then (array['facebook', 'instagram', 'x', 'tiktok'])[1 + g % 4] end,
           case when g % 10 >= 8 then 'social' end,
           case when g % 10 >= 8 then 'campana-' || (g % 10) end,
           (array['mobile', 'desktop', 'tablet'])[1 + (g / 3) % 3],
           (array['Chrome', 'Safari', 'Firefox', 'Edge', 'Samsung Internet'])[1 + (g / 3) % 5],
           'CO', 'ANT',
           lpad(to_hex(g / 3), 16, '0')
    from generate_series(1, ${VIEWS}) as g
    cross join lateral (select timestamp '2001-01-01' + ((g::bigint * 365) / ${VIEWS}) * interval '1 day' as d) t`;
}

async function cleanUp(sql: postgres.Sql): Promise<void> {
  await sql`delete from public.page_views where day between ${FROM} and ${TO}`;
  await sql`delete from public.visit_daily where day between ${FROM} and ${TO}`;
  await sql`delete from public.visit_rollup_days where day between ${FROM} and ${TO}`;
}

async function timeReport(url: string, log: BenchContext['log']): Promise<void> {
  const pages = [
    ['year_by_week', `/informes/monitoreo/sitio?desde=${FROM}&hasta=${TO}&por=semana`],
    ['year_by_month', `/informes/monitoreo/sitio?desde=${FROM}&hasta=${TO}&por=mes`],
    ['month_by_day', `/informes/monitoreo/sitio?desde=2001-06-01&hasta=2001-06-30&por=dia`],
    ['year_csv', `/informes/monitoreo/sitio.csv?desde=${FROM}&hasta=${TO}&por=semana`],
  ];
  for (const [label, path] of pages) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const response = await fetch(`${url}${path}`);
      bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      times.push(performance.now() - started);
    }
    log(`report_${label}_ms min=${Math.min(...times).toFixed(0)} median=${median(times).toFixed(0)} max=${Math.max(...times).toFixed(0)} runs=${RUNS} bytes=${bytes} budget=1000`);
  }
}

const collect: Target = {
  name: 'post_collect',
  expect: 202,
  send: (base, i, rate) =>
    fetch(`${base}/api/collect`, {
      method: 'POST',
      // Many visitors, as real traffic: a browser user agent (bots are dropped) and one address each.
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
        'x-nf-client-connection-ip': `10.${rate % 250}.${i % 250}.${Math.floor(i / 250) % 250}`,
      },
      body: JSON.stringify({ path: `/pagina-${i % 50}`, referrer: 'https://www.google.com/', utm: { source: 'facebook', medium: 'social', campaign: 'bench' } }),
      signal: AbortSignal.timeout(5_000),
    }),
};

export async function benchVisits({ databaseUrl, log }: BenchContext): Promise<void> {
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  try {
    await cleanUp(sql);
    let started = performance.now();
    await seedViews(sql);
    log(`seeded page_views=${VIEWS} days=365 in ${Math.round(performance.now() - started)} ms`);
    started = performance.now();
    const [{ days }] = await sql`select private.roll_up_visits() as days`;
    const [{ rows }] = await sql`select count(*)::int as rows from public.visit_daily where day between ${FROM} and ${TO}`;
    log(`rollup_ms ${Math.round(performance.now() - started)} days=${days} visit_daily_rows=${rows} (raw views older than 31 days purged in the same call)`);

    const server = await servedBuild(databaseUrl);
    try {
      await timeReport(server.url, log);
    } finally {
      server.stop();
    }
  } finally {
    await cleanUp(sql);
    await sql.end();
  }

  const only = process.env.BENCH_DATABASES?.split(',');
  for (const { database, rate: budget } of BUDGETS) {
    if (only && !only.includes(database)) continue;
    const server = await servedBuild(database === 'postgres' ? databaseUrl : null);
    try {
      const healthHolds = await holdRate(server.url, health, budget, (line) => log(`${database} ${line}`));
      const collectHolds = await holdRate(server.url, collect, budget, (line) => log(`${database} ${line}`));
      log(`${database} holds: health=${healthHolds}/s post_collect=${collectHolds}/s ratio=${healthHolds > 0 ? (collectHolds / healthHolds).toFixed(2) : 'n/a'} budget ${budget}/s: ${collectHolds >= budget ? 'met' : 'NOT met'}`);
    } finally {
      server.stop();
    }
  }
  // The load's own views (campaign «bench») go too, so a given DATABASE_URL keeps only real visits.
  const cleanup = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await cleanup`delete from public.page_views where utm_campaign = 'bench' and path like '/pagina-%'`;
  await cleanup.end();
}
