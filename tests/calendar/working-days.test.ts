import { describe, expect, it } from 'vitest';
import { colombianHolidays } from '../../src/lib/calendar/colombian-holidays.ts';
import { loadHolidays } from '../../src/lib/calendar/load-holidays.ts';
import { sql, store } from '../support/db.ts';
import { SERVICE } from '../../src/lib/db/store.ts';

const dueDate = async (from: string, days: number) =>
  (await sql`select private.add_working_days(${from}::date, ${days})::text as d`)[0].d as string;

describe('Colombian working days', () => {
  it('come from the holiday library, with the Mondays that Ley Emiliani moves and Holy Week', () => {
    const dates = colombianHolidays([2026]).map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-01-12', '2026-04-02', '2026-04-03', '2026-11-16', '2026-12-08']));
    expect(dates).not.toContain('2026-01-06');
  });

  it('are loaded before the seed: the test database already knows this and next year', async () => {
    const next = new Date().getUTCFullYear() + 1;
    const [row] = await sql`select count(*)::int as n from private.public_holidays where extract(year from day) = ${next}`;
    expect(row.n).toBeGreaterThanOrEqual(18);
  });

  it('skip weekends and festivos, counting from the day after', async () => {
    // Friday 13 Nov 2026 + 1 working day: Saturday, Sunday and Monday 16 (Independencia de Cartagena) don't count.
    expect(await dueDate('2026-11-13', 1)).toBe('2026-11-17');
    // 15 working days from Thursday 26 Nov 2026 cross Tuesday 8 Dec (Inmaculada Concepción).
    expect(await dueDate('2026-11-26', 15)).toBe('2026-12-18');
    // Across the year end: 24 Dec 2026 + 3 → 25 Dec and 1 Jan are holidays, weekends skipped.
    expect(await dueDate('2026-12-24', 3)).toBe('2026-12-30');
    expect(await dueDate('2026-12-30', 2)).toBe('2027-01-04');
  });

  it('are loaded only by the server-side job: anon and staff may not write the calendar', async () => {
    await expect(store.rpc('load_public_holidays', { p_days: [{ date: '2026-11-27', name: 'Falso' }] })).rejects.toThrow(/permission denied/);
    expect((await loadHolidays(new Date('2026-06-01T12:00:00Z'))).loaded).toBeGreaterThan(50);
    await expect(store.rpc('load_public_holidays', { p_days: [] }, SERVICE)).resolves.toBe(0);
    const [row] = await sql`select private.is_working_day('2026-11-27') as working`;
    expect(row.working).toBe(true);
  });
});
