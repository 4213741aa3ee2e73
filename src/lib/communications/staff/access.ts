import { staffPageAccess, type StaffPageAccess } from '../../auth/page-access.ts';
import { PUBLISHERS } from './roles.ts';

export type PublisherAccess = StaffPageAccess;

/** Who is looking at a communications staff page, and whether the page may show its tools. */
export const publisherAccess = (credentials: Parameters<typeof staffPageAccess>[0]) => staffPageAccess(credentials, PUBLISHERS);
