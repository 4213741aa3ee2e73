import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `stopServer` takes the server down the way a crash does (immediate shutdown) and `startServer` brings it
 * back on the same data and port; neither blocks the caller's event loop, so requests in flight are timed.
 */
export type Cluster = { url: string; stop(): void; stopServer(): Promise<void>; startServer(): Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function binDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).map(Number).filter((v) => v >= 15).sort((a, b) => b - a) : [];
  if (versions.length === 0) throw new Error('PostgreSQL 15+ binaries not found under /usr/lib/postgresql (apt-get install postgresql).');
  return join(base, String(versions[0]), 'bin');
}

/** initdb refuses to run as root: run the server binaries as the `postgres` system user then. */
function serverUserCommand(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function asServerUser(command: string, args: string[]) {
  const result = spawnSync(...serverUserCommand(command, args), { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

function asServerUserAsync(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(...serverUserCommand(command, args), { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed: ${stderr}`))));
  });
}

/**
 * A throwaway PostgreSQL cluster for the test run, tuned for speed (no fsync), gone when stopped.
 * `durable`: commits wait for their WAL write (synchronous_commit on), so a commit acknowledged before a
 * crash of the server (not of the machine) survives it, as in production.
 */
export async function startThrowawayCluster({ durable = false }: { durable?: boolean } = {}): Promise<Cluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'participa-pg-'));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  asServerUser(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=${durable ? 'on' : 'off'} -c full_page_writes=off -c max_connections=400 -c shared_buffers=256MB`;
  const start = [join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']] as const;
  const immediateStop = [join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']] as const;
  asServerUser(start[0], [...start[1]]);
  asServerUser(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'participa_test']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/participa_test`,
    stopServer: () => asServerUserAsync(immediateStop[0], [...immediateStop[1]]),
    startServer: () => asServerUserAsync(start[0], [...start[1]]),
    stop() {
      try {
        asServerUser(immediateStop[0], [...immediateStop[1]]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
