import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const NAMES = ['STAFF_JWT_SECRET', 'RATE_LIMIT_SALT'] as const;

export const dataDirOf = (root: string) => process.env.DATA_DIR ?? join(root, '.data');

/**
 * Local installs get their secrets generated once and kept beside the data (never in the repo), so
 * `npm run staff:token` signs with what the running server verifies. Environment variables win.
 */
export async function loadLocalSecrets(dataDir: string): Promise<void> {
  const file = join(dataDir, 'secrets.json');
  let stored: Record<string, string> = {};
  try {
    stored = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    stored = {};
  }
  let changed = false;
  for (const name of NAMES) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString('base64url');
      changed = true;
    }
    process.env[name] ??= stored[name];
  }
  if (changed) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
}
