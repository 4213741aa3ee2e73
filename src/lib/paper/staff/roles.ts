import { STAFF_ROLES, type StaffRole } from '../../auth/claims.ts';

/** Every staff member plays, whatever their role: the JWT's sub identifies the person. */
export const PLAYERS: StaffRole[] = STAFF_ROLES.filter((role) => role !== 'admin');

/** Challenges and policy votes are set by admins only. */
export const GAME_MASTERS: StaffRole[] = ['admin'];
