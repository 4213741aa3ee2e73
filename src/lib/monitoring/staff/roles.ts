import type { StaffRoles } from '../../http/staff.ts';

/** Monitoring is communications' work (admin may always). */
export const MONITORING_EDITORS: StaffRoles = ['communications'];
