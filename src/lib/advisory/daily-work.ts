import { rpc, SERVICE } from '../db/store.ts';

export type DailyWork = { reminded: number; slotsAdded: number };

/** Queues the 24-hour reminders and adds the slots of days entering the horizon (the scheduled job). */
export const runDailyWork = () => rpc<DailyWork>('advisory_daily_work', {}, SERVICE);
