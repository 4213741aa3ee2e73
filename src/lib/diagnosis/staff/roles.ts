import type { StaffRole } from '../../auth/claims.ts';

/** The self-diagnosis is run by admins only (an empty list: admin always may, no other role). */
export const DIAGNOSIS_ROLES: StaffRole[] = [];

export const DENIED = 'Solo un administrador puede llevar el autodiagnóstico.';
