import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCAL_MAILBOX_FILE } from '../../src/lib/auth/code-delivery.ts';
import { signStaffToken } from '../../src/lib/auth/tokens.ts';
import type { StaffRole } from '../../src/lib/auth/claims.ts';

export const TEST_SECRET = process.env.STAFF_JWT_SECRET ?? 'test-secret-for-local-runs-only-0123456789';

export const staffToken = (role: StaffRole, email = `${role}@agencia.gov.co`) => signStaffToken({ email, roles: [role] }, TEST_SECRET);

export async function bearer(role: StaffRole, email?: string): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await staffToken(role, email)}` };
}

export type MailboxMessage = { at: string; to: string; subject: string; text: string; code: string; link: string };

/**
 * The messages the served build's local mailbox holds for an address, oldest first: what a person
 * running the portal locally reads in DATA_DIR/correo-local.jsonl (the server log has the same).
 */
export async function mailboxFor(email: string): Promise<MailboxMessage[]> {
  const dataDir = process.env.DATA_DIR;
  if (!dataDir) throw new Error('DATA_DIR is not set: run the tests through npm test');
  const text = await readFile(join(dataDir, LOCAL_MAILBOX_FILE), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as MailboxMessage)
    .filter((m) => m.to === email);
}

export async function lastCodeFor(email: string): Promise<string> {
  const last = (await mailboxFor(email)).at(-1);
  if (!last) throw new Error(`no sign-in code was delivered to ${email}`);
  return last.code;
}
