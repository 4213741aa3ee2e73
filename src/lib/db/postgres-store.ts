import postgres from 'postgres';
import type { Caller, Store } from './store.ts';
import {
  CALL_DEADLINE_MS,
  CONNECT_TIMEOUT_SECONDS,
  DatabaseUnavailable,
  JOB_DEADLINE_MS,
  JOB_STATEMENT_TIMEOUT_MS,
  STATEMENT_TIMEOUT_MS,
  unreachable,
  withDeadline,
} from './unavailable.ts';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** How often, while the server refuses connections, one call tries again (the others answer 503 at once). */
const RETRY_CONNECT_MS = 500;

function roleOf(caller: Caller): { role: string; claims: string } {
  if (caller.kind === 'staff') return { role: 'authenticated', claims: JSON.stringify(caller.claims) };
  if (caller.kind === 'service') return { role: 'service_role', claims: JSON.stringify({ role: 'service_role' }) };
  return { role: 'anon', claims: JSON.stringify({ role: 'anon' }) };
}

/**
 * The driver describes the call first and serializes each value by the parameter's declared type, so a
 * jsonb parameter takes the object itself (pre-stringified, it would arrive as a JSON string).
 */
function toParameter(value: unknown): unknown {
  return value === undefined ? null : value;
}

export function callStatement(fn: string, names: string[]): string {
  for (const name of [fn, ...names]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Invalid SQL identifier: ${name}`);
  }
  const args = names.map((name, i) => `${name} => $${i + 1}`).join(', ');
  return `select public.${fn}(${args}) as result`;
}

export function createPostgresStore(url: string, options: { max: number }): Store {
  const sql = postgres(url, {
    max: options.max,
    onnotice: () => {},
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    // A firewall or pooler may drop an idle connection without a word; a fresh one beats finding that out
    // on a citizen's request.
    idle_timeout: 60,
    // While the server is down every attempt is refused at once; the driver's default backoff grows to 20 s
    // between attempts, which would keep the portal down long after PostgreSQL is back.
    backoff: () => RETRY_CONNECT_MS / 1000,
  });
  // Once a connection could not be made, calls would queue behind the driver's next attempt and each wait
  // out the deadline; instead one call per interval tries, and the rest hear at once that the server is away.
  let refusing = false;
  let lastAttempt = 0;
  const reserve = async () => {
    if (refusing && performance.now() - lastAttempt < RETRY_CONNECT_MS) throw new DatabaseUnavailable('the server refused the last connection');
    lastAttempt = performance.now();
    try {
      const connection = await sql.reserve();
      refusing = false;
      return connection;
    } catch (error) {
      refusing = unreachable(error);
      throw error;
    }
  };
  return {
    rpc: <T>(fn: string, args: Record<string, unknown> = {}, caller: Caller = { kind: 'anon' }) =>
      withDeadline(caller.kind === 'service' ? JOB_DEADLINE_MS : CALL_DEADLINE_MS, async (signal) => {
        const names = Object.keys(args);
        const statement = callStatement(fn, names);
        const { role, claims } = roleOf(caller);
        // Role and claims are set for the session, then the call runs as its own statement-level transaction,
        // both sent together (pipelined) on one reserved connection. No explicit BEGIN … COMMIT: a COMMIT sent
        // by the client would come only after the result reached Node, and a hot row (an event's seat count)
        // would stay locked for that whole round trip; autocommit releases it as soon as the call ends.
        // Every call sets both, so no call ever runs with the previous caller's role.
        const connection = await reserve();
        // Past the deadline the caller has had its answer: a call still waiting for a connection is not run.
        if (signal.aborted) {
          connection.release();
          throw signal.reason;
        }
        try {
          const [, rows] = await Promise.all([
            connection.unsafe(
              "select set_config('role', $1, false), set_config('request.jwt.claims', $2, false), set_config('statement_timeout', $3, false)",
              [role, claims, String(caller.kind === 'service' ? JOB_STATEMENT_TIMEOUT_MS : STATEMENT_TIMEOUT_MS)],
            ),
            connection.unsafe(statement, names.map((name) => toParameter(args[name])) as never[]),
          ]);
          connection.release();
          return rows[0]?.result as T;
        } catch (error) {
          // A connection the server closed must not go back to the pool: postgres.js would hand it out as
          // open, and its next write, on a socket already gone, throws outside any request and ends the process.
          if (!unreachable(error) || (error as { code?: string }).code === '57014') connection.release();
          throw error;
        }
      }),
    close: () => sql.end({ timeout: 5 }),
  };
}
