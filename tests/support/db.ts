import postgres from 'postgres';
import { createPostgresStore } from '../../src/lib/db/postgres-store.ts';
import { DATABASE_URL } from './env.ts';

/** Superuser connection for arranging fixtures and reading what was written. */
export const sql = postgres(DATABASE_URL, { max: 4, onnotice: () => {} });

/** Our own store adapter, as the functions use it: calls run as anon or authenticated. */
export const store = createPostgresStore(DATABASE_URL, { max: 20 });

export const uniqueSlug = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
