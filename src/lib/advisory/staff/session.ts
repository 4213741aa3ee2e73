import { staffPageAccess, type StaffPageAccess } from '../../auth/page-access.ts';
import { ADVISORS } from './roles.ts';

export type AdvisoryPageAccess = StaffPageAccess;

/** Who opens an advisory staff page (an advisor sees their own agenda, admins all), and the status the page answers with. */
export const advisoryPageAccess = (request: Request) => staffPageAccess(request, ADVISORS);
