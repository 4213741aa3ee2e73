import { signStaffToken } from '../../src/lib/auth/tokens.ts';
import type { StaffRole } from '../../src/lib/auth/claims.ts';

export const TEST_SECRET = process.env.STAFF_JWT_SECRET ?? 'test-secret-for-local-runs-only-0123456789';

export const staffToken = (role: StaffRole, email = `${role}@agencia.gov.co`) => signStaffToken({ email, roles: [role] }, TEST_SECRET);

export async function bearer(role: StaffRole, email?: string): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await staffToken(role, email)}` };
}
