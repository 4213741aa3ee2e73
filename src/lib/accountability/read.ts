import { rpc } from '../db/store.ts';
import type { HearingPage, Schedule } from './schemas.ts';

/** The year's published schedule with its evidence, its hearings and the years that have one. */
export const getSchedule = (year: number) => rpc<Schedule>('get_accountability_schedule', { p_year: year });

/** One hearing with every question (no personal data); null for an unknown slug. */
export const getHearing = (slug: string) => rpc<HearingPage | null>('get_hearing', { p_slug: slug });

/** The exercise year people mean by "this year": Colombia's. */
export const currentYear = (now = new Date()) => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric' }).format(now));
