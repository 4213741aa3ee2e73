/**
 * The verified JWT claims a staff call carries into SQL as `request.jwt.claims` (what `auth.uid()` and
 * the role checks read there). The store forwards them whole and interprets none of them.
 */
export type SqlClaims = { sub: string; app_metadata: { roles: readonly string[] } };

/**
 * Who a database call runs as: public calls as `anon`, staff calls as `authenticated` with their claims, and
 * server-side jobs (the e-mail sender) as `service_role`, which only the functions granted to it accept.
 */
export type Caller = { kind: 'anon' } | { kind: 'staff'; claims: SqlClaims; token: string } | { kind: 'service' };

export const ANON: Caller = { kind: 'anon' };
export const SERVICE: Caller = { kind: 'service' };

export interface Store {
  /** Calls `public.<fn>` with named arguments; every function we expose returns jsonb. */
  rpc<T = unknown>(fn: string, args?: Record<string, unknown>, caller?: Caller): Promise<T>;
  close(): Promise<void>;
}

/** One call of `public.<fn>` as the service role, whatever connection carries it. */
export type SqlCall = (fn: string, args: Record<string, unknown>) => Promise<unknown>;

type StoreFactory = () => Promise<Store>;

// Functions and the SSR bundle each carry their own copy of this module; the store lives on globalThis
// so one process holds one pool (the embedded database accepts one query at a time).
const holder = globalThis as typeof globalThis & { __participaStore?: Promise<Store> };

async function fromEnvironment(): Promise<Store> {
  const env = process.env;
  if (env.SUPABASE_URL && env.SUPABASE_ANON_KEY) {
    const { createSupabaseStore } = await import('./supabase-store.ts');
    return createSupabaseStore(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, env.SUPABASE_SERVICE_ROLE_KEY);
  }
  if (env.DATABASE_URL) {
    const { createPostgresStore, poolModeOf } = await import('./postgres-store.ts');
    return createPostgresStore(env.DATABASE_URL, { max: Number(env.DATABASE_POOL_MAX) || 10, poolMode: poolModeOf(env.DATABASE_URL, env.DATABASE_POOL_MODE) });
  }
  throw new Error('No database configured: set DATABASE_URL or SUPABASE_URL + SUPABASE_ANON_KEY (npm start sets one).');
}

export function getStore(factory: StoreFactory = fromEnvironment): Promise<Store> {
  holder.__participaStore ??= factory().catch((error) => {
    holder.__participaStore = undefined;
    throw error;
  });
  return holder.__participaStore;
}

/** Shorthand used by use cases: one rpc on the process store. */
export async function rpc<T>(fn: string, args: Record<string, unknown> = {}, caller: Caller = ANON): Promise<T> {
  const store = await getStore();
  return store.rpc<T>(fn, args, caller);
}
