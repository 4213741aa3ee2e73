import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './test-postgres.ts';

export type Pooler = { url: string; stop(): Promise<void> };

const PGBOUNCER = '/usr/sbin/pgbouncer';

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * PgBouncer in transaction mode in front of `upstreamUrl`, on a free port, with a small server pool
 * (Supabase's Supavisor on 6543 pools the same way): every transaction may land on a different server
 * connection, and anything a statement leaves on its session goes on to serve someone else's.
 */
export async function startPgBouncer(upstreamUrl: string, options: { poolSize?: number } = {}): Promise<Pooler> {
  const upstream = new URL(upstreamUrl);
  const user = decodeURIComponent(upstream.username || 'postgres');
  const database = upstream.pathname.slice(1);
  const dir = mkdtempSync(join(tmpdir(), 'participa-pgbouncer-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const server = [`host=${upstream.hostname}`, `port=${upstream.port || 5432}`, `dbname=${database}`, `user=${user}`];
  if (upstream.password) server.push(`password=${decodeURIComponent(upstream.password)}`);
  // auth_type trust still looks the user up in auth_file.
  writeFileSync(join(dir, 'users.txt'), `"${user}" ""\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `${database} = ${server.join(' ')}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize ?? 3}`,
      'max_client_conn = 1000',
      'ignore_startup_parameters = extra_float_digits',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  // Like initdb, pgbouncer refuses to run as root: it runs as the `postgres` system user then.
  const root = process.getuid?.() === 0;
  const ids = root ? { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) } : {};
  const child = spawn(PGBOUNCER, [join(dir, 'pgbouncer.ini')], { ...ids, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM'); // immediate shutdown: open client connections are closed
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100 && !(await listening(port)); i++) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!(await listening(port))) {
    await stop();
    throw new Error(`pgbouncer did not start on port ${port}`);
  }
  const url = new URL(upstreamUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  url.password = '';
  return { url: url.toString(), stop };
}
