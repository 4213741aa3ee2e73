import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

// What `npm start` does when the PGlite inside it stops working (here: closed under the socket server, the
// nearest a test can come to its WebAssembly failing): it ends with one line saying so and exit code 1,
// rather than serving errors forever or dying on a stack trace from pglite-socket.
describe('the embedded database stops working', () => {
  const dir = mkdtempSync(join(tmpdir(), 'participa-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ends the host with a clear line and a non-zero exit code', async () => {
    const script = `
      import postgres from 'postgres';
      import { startEmbeddedDatabase } from ${JSON.stringify(join(root, 'src/lib/db/embedded.ts'))};
      const embedded = await startEmbeddedDatabase(${JSON.stringify(dir)});
      embedded.exitOnFailure();
      const sql = postgres(embedded.url, { max: 1, onnotice: () => {} });
      await sql\`select 1\`;
      await embedded.db.close();
      await sql\`select 1\`.catch(() => {});
      await new Promise((r) => setTimeout(r, 10_000));
      console.log('still serving');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(stdout).not.toContain('still serving');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^La base de datos embebida \(PGlite, .*\) dejó de funcionar: .*npm start/m);
  }, 60_000);
});
