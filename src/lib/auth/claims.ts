export const STAFF_ROLES = ['admin', 'communications', 'advisor', 'interviewer', 'box_office'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The Supabase Auth claims we rely on; local tokens are signed with the same shape. */
export type StaffClaims = {
  sub: string;
  email: string;
  role: 'authenticated';
  aud: 'authenticated';
  app_metadata: { roles: StaffRole[] };
  exp?: number;
  iat?: number;
};

export const isStaffRole = (value: string): value is StaffRole => (STAFF_ROLES as readonly string[]).includes(value);

export const hasRole = (claims: { app_metadata: { roles: readonly string[] } }, role: StaffRole): boolean =>
  claims.app_metadata.roles.includes('admin') || claims.app_metadata.roles.includes(role);
