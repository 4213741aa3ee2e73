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

export function callStatement(fn: string, names: string[], values: string[] = names.map((_, i) => `$${i + 1}`)): string {
  for (const name of [fn, ...names]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Invalid SQL identifier: ${name}`);
  }
  const args = names.map((name, i) => `${name} => ${values[i]}`).join(', ');
  return `select public.${fn}(${args}) as result`;
}

/**
 * A string constant as PostgreSQL's own quote_literal writes it: read the same whatever
 * standard_conforming_strings says. Typed `unknown`, it takes the declared type of the argument it fills.
 */
export function quoteLiteral(text: string): string {
  // The simple protocol ends the query text at the first NUL, and no PostgreSQL text can hold one.
  if (text.includes('\0')) throw new Error('A value holds a NUL character, which PostgreSQL text cannot store.');
  const quoted = `'${text.replaceAll("'", "''")}'`;
  return text.includes('\\') ? `E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/** A transaction pooler (PgBouncer pool_mode=transaction, Supavisor) shares server connections, so nothing named may be prepared on them. */
export type PoolMode = 'session' | 'transaction';

/** `DATABASE_POOL_MODE` when set, else `transaction` on 6543, the port of Supabase's transaction pooler. */
export function poolModeOf(url: string, configured = process.env.DATABASE_POOL_MODE): PoolMode {
  if (configured === 'transaction' || configured === 'session') return configured;
  if (configured) throw new Error(`DATABASE_POOL_MODE must be transaction or session, not ${configured}.`);
  return new URL(url).port === '6543' ? 'transaction' : 'session';
}

type StoreOptions = {
  max: number;
  poolMode?: PoolMode;
  /**
   * How long a request's call may take in all, waiting for a pooled connection included (default: the
   * contract's bound). Stampede tests and benchmarks that queue thousands of calls on one pool on purpose
   * raise it, so that they measure the claim and not the machine.
   */
  deadlineMs?: number;
};

export function createPostgresStore(url: string, options: StoreOptions): Store {
  const deadline = options.deadlineMs ?? CALL_DEADLINE_MS;
  const sql = postgres(url, {
    max: options.max,
    onnotice: () => {},
    // A transaction pooler hands each transaction to any server connection: nothing named may be prepared.
    prepare: options.poolMode !== 'transaction',
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
  // Each call's argument types, as PostgreSQL resolves them, described once per statement.
  const described = new Map<string, Promise<number[]>>();
  const typesOf = (statement: string) => {
    let types = described.get(statement);
    if (!types) {
      types = sql.unsafe(statement).describe().then((d) => d.types);
      types.catch(() => described.delete(statement));
      described.set(statement, types);
    }
    return types;
  };

  return {
    rpc: <T>(fn: string, args: Record<string, unknown> = {}, caller: Caller = { kind: 'anon' }) =>
      withDeadline(caller.kind === 'service' ? JOB_DEADLINE_MS : deadline, async (signal) => {
        const names = Object.keys(args);
        const types = await typesOf(callStatement(fn, names));
        // Each value is written as the driver would send it for the argument's declared type (a jsonb
        // argument takes the object itself), so untyped literals resolve the call as the description did.
        const values = names.map((name, i) => {
          const value = args[name];
          if (value === undefined || value === null) return 'null';
          const serialize = sql.options.serializers[types[i]];
          return quoteLiteral(String(serialize ? serialize(value) : value));
        });
        const { role, claims } = roleOf(caller);
        const timeout = String(caller.kind === 'service' ? JOB_STATEMENT_TIMEOUT_MS : STATEMENT_TIMEOUT_MS);
        // One simple-protocol message: its statements run as one implicit transaction, so the role, claims and
        // statement timeout (set local) end with the call and never outlive it on a connection that a
        // transaction pooler hands to someone else. The server commits — releasing a hot row such as an
        // event's seat count — as soon as the call ends, with no round trip back to Node; an error rolls the
        // whole message back. Values go as literals because parameters need the extended protocol, where
        // postgres.js, preparing nothing, describes each statement and waits for the answer before it sends the next.
        const text = `select set_config('role', ${quoteLiteral(role)}, true), set_config('request.jwt.claims', ${quoteLiteral(claims)}, true), set_config('statement_timeout', ${quoteLiteral(timeout)}, true); ${callStatement(fn, names, values)}`;
        const connection = await reserve();
        // Past the deadline the caller has had its answer: a call still waiting for a connection is not run.
        if (signal.aborted) {
          connection.release();
          throw signal.reason;
        }
        try {
          const results = await connection.unsafe(text).simple();
          connection.release();
          const rows = results.at(-1) as unknown as { result: T }[];
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
