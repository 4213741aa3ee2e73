import { describe, expect, it } from 'vitest';
import { bogotaDay, firstFreeWeek, groupWeek, mondayOf, weekOf } from '../../src/lib/advisory/week.ts';

const slot = (startsAt: string, available = true) => ({ id: startsAt, startsAt, endsAt: startsAt, advisor: 'A', mode: 'online' as const, available });

describe('the week view', () => {
  it('reads Bogotá days: 00:30 UTC is still the evening before', () => {
    expect(bogotaDay('2026-12-02T00:30:00.000Z')).toBe('2026-12-01');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
  });

  it('starts at the week of the first bookable day, and pages only inside notice and horizon', () => {
    // Saturday evening in Bogotá: with 24 h of notice, the first bookable day is Sunday, still this week.
    const saturday = new Date('2026-11-28T22:00:00.000Z');
    expect(weekOf(null, saturday).monday).toBe('2026-11-23');
    expect(weekOf('2026-01-01', saturday).monday).toBe('2026-11-23');
    expect(weekOf('2027-06-01', saturday).monday).toBe('2026-12-28');
    expect(weekOf('no-es-fecha', saturday).monday).toBe('2026-11-23');
    const week = groupWeek(weekOf('2026-11-30', saturday), [slot('2026-12-01T14:00:00.000Z'), slot('2026-12-02T00:30:00.000Z')]);
    expect(week.days[1].slots.map((s) => s.id)).toEqual(['2026-12-01T14:00:00.000Z', '2026-12-02T00:30:00.000Z']);
    expect([week.previous, week.next]).toEqual(['2026-11-23', '2026-12-07']);
  });

  it('opens on the week of the first free slot', () => {
    expect(firstFreeWeek([slot('2026-11-30T13:00:00.000Z', false), slot('2026-12-09T13:00:00.000Z')])).toBe('2026-12-07');
    expect(firstFreeWeek([])).toBeNull();
  });
});
