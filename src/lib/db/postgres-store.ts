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
      // One transaction per call, as PostgREST does: the role and claims are local to it.
      // Both statements are sent together (pipelined): one round trip instead of two.
      const [, rows] = await sql.begin((tx) => [
        tx.unsafe("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [role, claims]),
        tx.unsafe(statement, names.map((name) => toParameter(args[name])) as never[]),
      ]);
      return rows[0]?.result as T;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
