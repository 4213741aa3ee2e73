import postgres from 'postgres';
import type { Caller, Store } from './store.ts';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

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
  const sql = postgres(url, { max: options.max, onnotice: () => {} });
  return {
    async rpc<T>(fn: string, args: Record<string, unknown> = {}, caller: Caller = { kind: 'anon' }) {
      const names = Object.keys(args);
      const statement = callStatement(fn, names);
      const { role, claims } = roleOf(caller);
      // Role and claims are set for the session, then the call runs as its own statement-level transaction,
      // both sent together (pipelined) on one reserved connection. No explicit BEGIN … COMMIT: a COMMIT sent
      // by the client would come only after the result reached Node, and a hot row (an event's seat count)
      // would stay locked for that whole round trip; autocommit releases it as soon as the call ends.
      // Every call sets both, so no call ever runs with the previous caller's role.
      const connection = await sql.reserve();
      try {
        const [, rows] = await Promise.all([
          connection.unsafe("select set_config('role', $1, false), set_config('request.jwt.claims', $2, false)", [role, claims]),
          connection.unsafe(statement, names.map((name) => toParameter(args[name])) as never[]),
        ]);
        return rows[0]?.result as T;
      } finally {
        connection.release();
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
