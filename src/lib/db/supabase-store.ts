import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Caller, Store } from './store.ts';

/** Production store: PostgREST runs each rpc as anon, or as authenticated with the staff member's own JWT. */
export function createSupabaseStore(url: string, anonKey: string): Store {
  const options = { auth: { persistSession: false, autoRefreshToken: false } };
  const anon = createClient(url, anonKey, options);
  const clientFor = (caller: Caller): SupabaseClient =>
    caller.kind === 'staff'
      ? createClient(url, anonKey, { ...options, global: { headers: { Authorization: `Bearer ${caller.token}` } } })
      : anon;
  return {
    async rpc<T>(fn: string, args: Record<string, unknown> = {}, caller: Caller = { kind: 'anon' }) {
      const { data, error } = await clientFor(caller).rpc(fn, args);
      if (error) throw new Error(`rpc ${fn} failed: ${error.code ?? ''} ${error.message}`);
      return data as T;
    },
    close: async () => {},
  };
}
