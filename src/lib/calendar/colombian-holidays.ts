import Holidays from 'date-holidays';

export type Holiday = { date: string; name: string };

const colombia = new Holidays('CO', { languages: ['es'] });

/** Colombia's public holidays (festivos) of the given years, from the maintained date-holidays data. */
export function colombianHolidays(years: number[]): Holiday[] {
  return years.flatMap((year) =>
    colombia
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name })),
  );
}

/**
 * The years a calendar must cover today: the last one (due dates of what arrived then are still read),
 * this one and the next (a term that crosses 31 December).
 */
export function yearsAround(today: Date = new Date()): number[] {
  const year = today.getUTCFullYear();
  return [year - 1, year, year + 1];
}
