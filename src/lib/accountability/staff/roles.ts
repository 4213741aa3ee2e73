import type { StaffRole } from '../../auth/claims.ts';

/** Who runs the accountability exercise on the portal: communications (admin always may). */
export const ACCOUNTABILITY_STAFF: StaffRole[] = ['communications'];
