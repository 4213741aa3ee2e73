import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type EmbeddedDatabase = {
  url: string;
  /** The PGlite instance behind the socket: one per directory and process. */
  db: PGlite;
  stop(): Promise<void>;
  /** From now on, a PGlite that stops working ends the process with one clear line and exit code 1. */
  exitOnFailure(): void;
};

/** How often the host checks that PGlite is still open when no request has found out. */
const CHECK_MS = 1_000;

/**
 * Opens the PGlite directory in this process only and serves it over the Postgres wire protocol.
 * A PGlite directory must never be opened twice (two WASM instances would corrupt it), so everything
 * else — migrations, functions, SSR — reaches it through this socket.
 */
export async function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 16 });
  await server.start();
  const address = server.getServerConn();
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  return {
    url: `postgres://postgres:postgres@${address}/postgres?sslmode=disable`,
    db,
    async stop() {
      stopping = true;
      clearInterval(timer);
      await server.stop();
      await db.close();
    },
    exitOnFailure() {
      // PGlite lives inside this process and cannot be reopened in it safely once its WebAssembly has failed.
      // Serving on would answer 503 forever (and pglite-socket throws outside any request on the next query
      // to a closed PGlite); ending with a clear line lets a supervisor start it again, and PGlite recovers
      // its directory on the next start, as PostgreSQL does after a crash.
      const fail = (reason: string) => {
        if (stopping) return;
        console.error(
          `La base de datos embebida (PGlite, ${dataDir}) dejó de funcionar: ${reason}. El servidor se detiene; ` +
            'vuelva a iniciarlo (npm start): los datos guardados se conservan.',
        );
        process.exit(1);
      };
      timer = setInterval(() => db.closed && fail('se cerró'), CHECK_MS).unref();
      process.on('uncaughtException', (error) => {
        if (db.closed || !db.ready || /pglite/i.test(error.stack ?? '')) fail(error.message);
        // Any other uncaught error ends the process as Node would have without this listener.
        console.error(error);
        process.exit(1);
      });
    },
  };
}
