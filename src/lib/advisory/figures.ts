import { rpc } from '../db/store.ts';
import type { Stage } from './schemas.ts';

export type MonthFigures = { month: string; bookings: number; cancelled: number; attended: number; noShow: number; attendancePct: number | null };
export type AdvisoryFigures = {
  months: MonthFigures[];
  totals: Omit<MonthFigures, 'month'>;
  topics: { key: string; label: string; bookings: number }[];
  stages: Record<Stage, number>;
};

/** Usage figures of the advisory service, the published evidence of plan activity 2.3. No personal data. */
export const getAdvisoryFigures = () => rpc<AdvisoryFigures>('get_advisory_figures');
