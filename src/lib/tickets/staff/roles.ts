import type { StaffRole } from '../../auth/claims.ts';

/** Who creates and edits events: the communications team publishes them (admin always may). */
export const EVENT_EDITORS: StaffRole[] = ['communications'];
/** Who reads the registrations and counts: the box office, and communications who announce the event. */
export const EVENT_READERS: StaffRole[] = ['box_office', 'communications'];
/** Who lets people in at the door. */
export const DOORKEEPERS: StaffRole[] = ['box_office'];
