import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, store } from '../support/db.ts';
import { SERVICE } from '../../src/lib/db/store.ts';
import { getVisitsReport } from '../../src/lib/monitoring/visits-report.ts';

// A fixture of views on days long past (no other test writes there), rolled up as the nightly job does.
// Each tuple: day, path, source/referrer, campaign, device, browser, country, visitor.
const FIXTURE: [string, string, string | null, string | null, string | null, string, string, string | null, string][] = [
  ['2019-03-04', '/', null, null, null, 'mobile', 'Chrome', 'CO', 'a'],
  ['2019-03-04', '/encuestas', null, null, null, 'mobile', 'Chrome', 'CO', 'a'],
  ['2019-03-04', '/', 'google.com', null, null, 'desktop', 'Firefox', 'CO', 'b'],
  ['2019-03-05', '/', null, 'facebook', 'percepcion-redes', 'mobile', 'Safari', null, 'a'],
  ['2019-03-05', '/encuestas', null, 'facebook', 'percepcion-redes', 'mobile', 'Safari', null, 'a'],
  ['2019-03-05', '/encuestas', null, 'x', 'percepcion-redes', 'tablet', 'Chrome', 'EC', 'c'],
  ['2019-03-11', '/resultados', 'bing.com', null, null, 'desktop', 'Edge', 'CO', 'd'],
  ['2019-04-01', '/', null, null, null, 'desktop', 'Chrome', 'CO', 'e'],
];
const hash = (v: string) => v.padStart(16, '0').replace(/[^0-9a-f]/g, 'f');

beforeAll(async () => {
  await sql`delete from public.visit_daily where day between '2019-01-01' and '2019-12-31'`;
  await sql`delete from public.visit_rollup_days where day between '2019-01-01' and '2019-12-31'`;
  await sql`delete from public.page_views where day between '2019-01-01' and '2019-12-31'`;
});

afterAll(async () => {
  await sql`delete from public.page_views where day between '2019-01-01' and '2019-12-31'`;
});

async function insertFixture() {
  for (const [day, path, referrer, source, campaign, device, browser, country, visitor] of FIXTURE) {
    await sql`
      insert into public.page_views (day, path, referrer_host, utm_source, utm_medium, utm_campaign, device, browser, country, visitor)
      values (${day}, ${path}, ${referrer}, ${source}, ${source ? 'social' : null}, ${campaign}, ${device}, ${browser}, ${country}, ${hash(visitor)})`;
  }
}

describe('site visits report', () => {
  it('counts views and daily unique visitors as the fixture says, before and after the rollup', async () => {
    await insertFixture();
    const read = () => getVisitsReport({ from: '2019-03-01', to: '2019-03-31', grain: 'week' });
    const live = await read();

    expect(live.views).toBe(7);
    // Daily uniques: the 4th a, b; the 5th a, c; the 11th d → 5 (a counts once per day it came).
    expect(live.visitors).toBe(5);
    expect(live.series).toEqual([
      { start: '2019-02-25', views: 0, visitors: 0 },
      { start: '2019-03-04', views: 6, visitors: 4 },
      { start: '2019-03-11', views: 1, visitors: 1 },
      { start: '2019-03-18', views: 0, visitors: 0 },
      { start: '2019-03-25', views: 0, visitors: 0 },
    ]);
    expect(live.pages).toEqual([
      { value: '/', views: 3, visitors: 3 },
      { value: '/encuestas', views: 3, visitors: 3 },
      { value: '/resultados', views: 1, visitors: 1 },
    ]);
    expect(live.sources).toEqual([
      { value: 'directo', views: 2, visitors: 1 },
      { value: 'facebook', views: 2, visitors: 1 },
      { value: 'bing.com', views: 1, visitors: 1 },
      { value: 'google.com', views: 1, visitors: 1 },
      { value: 'x', views: 1, visitors: 1 },
    ]);
    expect(live.campaigns).toEqual([
      { value: 'percepcion-redes|facebook|social', views: 2, visitors: 1 },
      { value: 'percepcion-redes|x|social', views: 1, visitors: 1 },
    ]);
    expect(live.devices).toEqual([
      { value: 'mobile', views: 4, visitors: 2 },
      { value: 'desktop', views: 2, visitors: 2 },
      { value: 'tablet', views: 1, visitors: 1 },
    ]);
    expect(live.countries).toEqual([
      { value: 'CO', views: 4, visitors: 3 },
      { value: '', views: 2, visitors: 1 },
      { value: 'EC', views: 1, visitors: 1 },
    ]);

    const rolled = await store.rpc<{ ok: true; value: { days: number } }>('roll_up_visits', {}, SERVICE);
    expect(rolled.ok).toBe(true);
    const days = await sql`select day::text from public.visit_rollup_days where day between '2019-01-01' and '2019-12-31' order by day`;
    expect(days.map((d) => d.day)).toEqual(['2019-03-04', '2019-03-05', '2019-03-11', '2019-04-01']);
    // From the rollups the report says exactly the same.
    expect(await read()).toEqual(live);
    const byMonth = await getVisitsReport({ from: '2019-03-01', to: '2019-04-30', grain: 'month' });
    expect(byMonth.series).toEqual([
      { start: '2019-03-01', views: 7, visitors: 5 },
      { start: '2019-04-01', views: 1, visitors: 1 },
    ]);
  });

  it('purges the raw views 31 days after their rollup and keeps the daily figures', async () => {
    expect((await sql`select count(*)::int as n from public.page_views where day between '2019-01-01' and '2019-12-31'`)[0].n).toBe(0);
    expect((await sql`select sum(views)::int as n from public.visit_daily where day between '2019-01-01' and '2019-12-31' and dimension = 'total'`)[0].n).toBe(8);
  });

  it('is readable by anyone but the tables behind it are not', async () => {
    const report = await store.rpc<{ views: number }>('site_visits_report', { p_from: '2019-03-01', p_to: '2019-03-31', p_grain: 'day' });
    expect(report.views).toBe(7);
    const anon = (statement: string) => sql.begin(async (tx) => { await tx`set local role anon`; return tx.unsafe(statement); });
    await expect(anon('select count(*) from public.page_views')).rejects.toThrow(/permission denied/);
    await expect(anon('select count(*) from public.visit_daily')).rejects.toThrow(/permission denied/);
    await expect(anon('select count(*) from private.visit_salts')).rejects.toThrow(/permission denied/);
    await expect(anon('select public.roll_up_visits()')).rejects.toThrow(/permission denied/);
  });
});
