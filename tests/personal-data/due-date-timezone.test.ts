import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { expectedDueOn } from './fixture.ts';

// Ley 1581 terms count working days from the day the request was confirmed, in Bogotá. 22:00 on
// Wednesday 9 December 2026 in Bogotá is already Thursday in UTC; 8 and 25 December are holidays.
const dueOn = async (at: string, kind: string) => (await sql`select private.personal_data_due_on(${at}::timestamptz, ${kind})::text as day`)[0].day as string;

describe('due date of a habeas-data request, by the Bogotá day', () => {
  it('counts 10 working days for a consulta from the Bogotá day, not the UTC one', async () => {
    expect(await dueOn('2026-12-10T03:00:00Z', 'consulta')).toBe('2026-12-23');
    expect(await dueOn('2026-12-10T03:00:00Z', 'consulta')).toBe(await expectedDueOn('2026-12-09', 10));
    expect(await dueOn('2026-12-10T05:00:00Z', 'consulta')).toBe('2026-12-24');
  });

  it('counts 15 for a reclamo, skipping Christmas', async () => {
    const holidays = (await sql`select day::text as day from private.public_holidays where day in ('2026-12-08', '2026-12-25')`).map((r) => r.day);
    expect(holidays.sort()).toEqual(['2026-12-08', '2026-12-25']);
    expect(await dueOn('2026-12-10T03:00:00Z', 'supresion')).toBe('2026-12-31');
    expect(await dueOn('2026-12-10T03:00:00Z', 'correccion')).toBe(await expectedDueOn('2026-12-09', 15));
    // Confirmed on a holiday: the count starts the next day all the same.
    expect(await dueOn('2026-12-08T15:00:00Z', 'supresion')).toBe(await expectedDueOn('2026-12-08', 15));
  });
});
