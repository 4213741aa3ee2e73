import { isStaffRole, STAFF_ROLES, type StaffRole } from '../src/lib/auth/claims.ts';

export function parseStaffArgs(argv: string[], command: string): { email: string; roles: StaffRole[] } {
  const [email, roleList] = argv;
  const roles = (roleList ?? '').split(',').filter(Boolean);
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || roles.length === 0 || !roles.every(isStaffRole)) {
    console.error(`Uso: npm run ${command} -- <correo> <rol>[,<rol>]   roles: ${STAFF_ROLES.join(', ')}`);
    process.exit(2);
  }
  return { email, roles: roles as StaffRole[] };
}
