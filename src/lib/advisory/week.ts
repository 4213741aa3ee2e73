import type { Slot } from './schemas.ts';

const DAY_MS = 86_400_000;
const BOGOTA_MS = -5 * 3_600_000;

/** The Bogotá calendar day of an instant, "YYYY-MM-DD". */
export const bogotaDay = (at: Date | string): string => new Date(new Date(at).getTime() + BOGOTA_MS).toISOString().slice(0, 10);

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Monday of the week holding `day` ("YYYY-MM-DD", Bogotá). */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export type WeekDay = { day: string; slots: Slot[] };
export type Week = { monday: string; previous: string | null; next: string | null; days: WeekDay[] };

/**
 * The week view: Monday to Sunday of the asked week, each day with its slots. `?semana=` is read
 * leniently: anything that is not a date shows the first bookable week. Paging stops at the weeks the
 * notice and the horizon leave open.
 */
export function weekOf(requested: string | null | undefined, now: Date, horizonDays = 30): { monday: string; sunday: string; first: string; last: string } {
  // The first week with a bookable day: the notice (24 h) may push it past this Sunday.
  const first = mondayOf(bogotaDay(new Date(now.getTime() + DAY_MS)));
  const last = mondayOf(bogotaDay(new Date(now.getTime() + horizonDays * DAY_MS)));
  const asked = requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) && !Number.isNaN(Date.parse(requested)) ? mondayOf(requested) : first;
  const monday = asked < first ? first : asked > last ? last : asked;
  return { monday, sunday: addDays(monday, 6), first, last };
}

/** With no week asked for: the week of the first free slot among the horizon's, so nobody lands on an empty week. */
export function firstFreeWeek(slots: Slot[]): string | null {
  const free = slots.find((s) => s.available);
  return free ? mondayOf(bogotaDay(free.startsAt)) : null;
}

export function groupWeek(range: { monday: string; first: string; last: string }, slots: Slot[]): Week {
  const days = Array.from({ length: 7 }, (_, i) => addDays(range.monday, i)).map((day) => ({
    day,
    slots: slots.filter((s) => bogotaDay(s.startsAt) === day),
  }));
  return {
    monday: range.monday,
    previous: range.monday > range.first ? addDays(range.monday, -7) : null,
    next: range.monday < range.last ? addDays(range.monday, 7) : null,
    days,
  };
}
