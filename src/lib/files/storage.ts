import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Where evidence bytes live: a Supabase Storage bucket in production, a folder under DATA_DIR on
 * `npm start` / DATABASE_URL, chosen by the same configuration that chooses the store (src/lib/db/store.ts).
 * Keys are `<uuid>/<safe name>`, made by src/lib/files/upload.ts.
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when no file has that key (never stored, or deleted). */
  get(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
}

/** The local folder; the key's shape is checked before a path is ever built from it. */
export function folderStorage(root: string): FileStorage {
  const pathOf = (key: string) => join(root, ...key.split('/'));
  return {
    async put(key, bytes) {
      await mkdir(dirname(pathOf(key)), { recursive: true });
      await writeFile(pathOf(key), bytes, { flag: 'wx' });
    },
    async get(key) {
      return readFile(pathOf(key)).then(
        (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
        (e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') return null;
          throw e;
        },
      );
    },
    async remove(key) {
      await rm(dirname(pathOf(key)), { recursive: true, force: true });
    },
  };
}

/** The bucket, written with the service-role key (server only); read through its public URL. */
export async function bucketStorage(url: string, serviceKey: string, bucket: string): Promise<FileStorage> {
  const { createClient } = await import('@supabase/supabase-js');
  const client = createClient(url, serviceKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const files = () => client.storage.from(bucket);
  return {
    async put(key, bytes, contentType) {
      const { error } = await files().upload(key, bytes, { contentType, upsert: false, cacheControl: '31536000' });
      if (error) throw new Error(`storage upload failed: ${error.message}`);
    },
    async get(key) {
      const response = await fetch(files().getPublicUrl(key).data.publicUrl);
      if (response.status === 404 || response.status === 400) return null;
      if (!response.ok) throw new Error(`storage read failed: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async remove(key) {
      const { error } = await files().remove([key]);
      if (error) throw new Error(`storage remove failed: ${error.message}`);
    },
  };
}

const holder = globalThis as typeof globalThis & { __participaFiles?: Promise<FileStorage> };

export function getFileStorage(): Promise<FileStorage> {
  const env = process.env;
  holder.__participaFiles ??=
    env.SUPABASE_URL && env.SUPABASE_ANON_KEY
      ? env.SUPABASE_SERVICE_ROLE_KEY
        ? bucketStorage(env.SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY, env.SUPABASE_EVIDENCE_BUCKET || 'evidencias')
        : Promise.reject(new Error('SUPABASE_SERVICE_ROLE_KEY is not set: evidence files cannot be stored.'))
      : Promise.resolve(folderStorage(join(env.DATA_DIR ?? join(process.cwd(), '.data'), 'evidencias')));
  return holder.__participaFiles;
}
