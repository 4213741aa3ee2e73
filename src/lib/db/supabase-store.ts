import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Caller, Store } from './store.ts';
import { CALL_DEADLINE_MS, DatabaseUnavailable, JOB_DEADLINE_MS } from './unavailable.ts';

/**
 * PostgREST's own words for "the database is not there" (PGRST000–003: cannot connect, schema cache, pool
 * timeout) and the SQLSTATEs it passes through for a statement timeout or a shutdown.
 */
const UNAVAILABLE = /^(PGRST00[0-3]|57014|57P0[1-3]|08...)$/;

/** Each request gives up at the deadline, so a hung network answers 503 instead of hanging the function. */
const fetchWithin =
  (ms: number): typeof fetch =>
  (input, init) =>
    fetch(input, { ...init, signal: AbortSignal.timeout(ms) });

/**
 * Production store: PostgREST runs each rpc as anon, as authenticated with the staff member's own JWT, or —
 * for server-side jobs only — as service_role with the service key (an environment variable of the functions,
 * never in `dist/`).
 */
export function createSupabaseStore(url: string, anonKey: string, serviceKey?: string): Store {
  const options = { auth: { persistSession: false, autoRefreshToken: false }, global: { fetch: fetchWithin(CALL_DEADLINE_MS) } };
  const anon = createClient(url, anonKey, options);
  const service = serviceKey ? createClient(url, serviceKey, { ...options, global: { fetch: fetchWithin(JOB_DEADLINE_MS) } }) : null;
  const clientFor = (caller: Caller): SupabaseClient => {
    if (caller.kind === 'staff') return createClient(url, anonKey, { ...options, global: { ...options.global, headers: { Authorization: `Bearer ${caller.token}` } } });
    if (caller.kind === 'service') {
      if (!service) throw new Error('SUPABASE_SERVICE_ROLE_KEY is not set: the e-mail sender cannot run.');
      return service;
    }
    return anon;
  };
  return {
    async rpc<T>(fn: string, args: Record<string, unknown> = {}, caller: Caller = { kind: 'anon' }) {
      const { data, error } = await clientFor(caller).rpc(fn, args);
      // supabase-js reports a failed fetch (refused, reset, timed out) as an error without a code.
      if (error && (UNAVAILABLE.test(error.code ?? '') || !error.code)) throw new DatabaseUnavailable(error);
      if (error) throw new Error(`rpc ${fn} failed: ${error.code ?? ''} ${error.message}`);
      return data as T;
    },
    close: async () => {},
  };
}
