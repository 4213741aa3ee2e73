import type { StaffRole } from '../../auth/claims.ts';

/** The self-diagnosis is run by admins only. */
export const DIAGNOSIS_ROLES: StaffRole[] = ['admin'];

export const DENIED = 'Solo un administrador puede llevar el autodiagnóstico.';
