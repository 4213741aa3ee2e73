import type { StaffRole } from '../../auth/claims.ts';

/** Who manages advisors, their availability and extra slots: admins only. */
export const ADVISORY_ADMINS: StaffRole[] = ['admin'];
/** Who reads agendas and records sessions: advisors (their own; admins all, checked in SQL). */
export const ADVISORS: StaffRole[] = ['advisor'];
