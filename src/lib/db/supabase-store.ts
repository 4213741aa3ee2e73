import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Caller, Store } from './store.ts';

/**
 * Production store: PostgREST runs each rpc as anon, as authenticated with the staff member's own JWT, or —
 * for server-side jobs only — as service_role with the service key (an environment variable of the functions,
 * never in `dist/`).
 */
export function createSupabaseStore(url: string, anonKey: string, serviceKey?: string): Store {
  const options = { auth: { persistSession: false, autoRefreshToken: false } };
  const anon = createClient(url, anonKey, options);
  const service = serviceKey ? createClient(url, serviceKey, options) : null;
  const clientFor = (caller: Caller): SupabaseClient => {
    if (caller.kind === 'staff') return createClient(url, anonKey, { ...options, global: { headers: { Authorization: `Bearer ${caller.token}` } } });
    if (caller.kind === 'service') {
      if (!service) throw new Error('SUPABASE_SERVICE_ROLE_KEY is not set: the e-mail sender cannot run.');
      return service;
    }
    return anon;
  };
  return {
    async rpc<T>(fn: string, args: Record<string, unknown> = {}, caller: Caller = { kind: 'anon' }) {
      const { data, error } = await clientFor(caller).rpc(fn, args);
      if (error) throw new Error(`rpc ${fn} failed: ${error.code ?? ''} ${error.message}`);
      return data as T;
    },
    close: async () => {},
  };
}
