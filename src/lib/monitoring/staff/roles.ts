import type { StaffRole } from '../../auth/claims.ts';

/** Monitoring is communications' work (admin may always). */
export const MONITORING_EDITORS: StaffRole[] = ['communications'];
