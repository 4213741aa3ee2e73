import type { StaffRole } from '../../auth/claims.ts';

/** Who publishes invitations, incidence and training: the communications team (admin always may). */
export const PUBLISHERS: StaffRole[] = ['communications'];

export const DENIED = 'Su rol no permite publicar contenidos de participación. Pida el rol de comunicaciones.';
