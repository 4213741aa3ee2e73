import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

/**
 * Where evidence bytes live: a Supabase Storage bucket in production, a folder under DATA_DIR on
 * `npm start` / DATABASE_URL, chosen by the same configuration that chooses the store (src/lib/db/store.ts).
 * Keys are `<uuid>/<safe name>`, made by src/lib/files/upload.ts.
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /**
   * The bytes as a stream with their size, so serving a 20 MB file never holds it whole; null when no file
   * has that key (never stored, or deleted).
   */
  open(key: string): Promise<StoredObject | null>;
  remove(key: string): Promise<void>;
  /**
   * Where the browser sends a fresh key's bytes itself, so they never pass through a function (Netlify caps
   * a function's request body at about 6 MB): a signed bucket URL, or the local host's own PUT route.
   */
  uploadTarget(slot: { id: string; key: string }): Promise<UploadTarget>;
  /** The folder's side of its PUT route: writes the body under `key`, false past `limit` bytes (nothing kept). A bucket takes its PUTs itself: null. */
  receive: ((key: string, body: ReadableStream<Uint8Array> | null, limit: number) => Promise<boolean>) | null;
}

/** `size`: null when the store does not say it (a bucket answering without Content-Length). */
export type StoredObject = { body: ReadableStream<Uint8Array>; size: number | null };
export type UploadTarget = { url: string; headers: Record<string, string> };

/** The local host's slot route (functions/admin-files.ts): staff-only, the bytes as the PUT body. */
const folderUploadPath = (id: string) => `/api/admin/files/uploads/${id}`;

/** The local folder; the key's shape is checked before a path is ever built from it. */
export function folderStorage(root: string): FileStorage {
  const pathOf = (key: string) => join(root, ...key.split('/'));
  return {
    async put(key, bytes) {
      await mkdir(dirname(pathOf(key)), { recursive: true });
      await writeFile(pathOf(key), bytes, { flag: 'wx' });
    },
    async open(key) {
      const size = await stat(pathOf(key)).then(
        (s) => s.size,
        (e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') return null;
          throw e;
        },
      );
      if (size === null) return null;
      return { body: Readable.toWeb(createReadStream(pathOf(key))) as ReadableStream<Uint8Array>, size };
    },
    async remove(key) {
      await rm(dirname(pathOf(key)), { recursive: true, force: true });
    },
    async uploadTarget({ id }) {
      return { url: folderUploadPath(id), headers: { 'Content-Type': 'application/octet-stream' } };
    },
    async receive(key, body, limit) {
      const path = pathOf(key);
      const partial = `${path}.parcial`;
      await mkdir(dirname(path), { recursive: true });
      let size = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          done(size > limit ? new RangeError('over the limit') : null, chunk);
        },
      });
      try {
        // A retried PUT replaces what an interrupted one left; only a whole body takes the key.
        await pipeline(body ? Readable.fromWeb(body as NodeReadableStream) : Readable.from([]), counted, createWriteStream(partial));
      } catch (error) {
        await rm(partial, { force: true });
        if (error instanceof RangeError) return false;
        throw error;
      }
      await rename(partial, path);
      return true;
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
    async open(key) {
      const response = await fetch(files().getPublicUrl(key).data.publicUrl);
      if (response.status === 404 || response.status === 400) return null;
      if (!response.ok || !response.body) throw new Error(`storage read failed: ${response.status}`);
      return { body: response.body, size: Number(response.headers.get('content-length')) || null };
    },
    async remove(key) {
      const { error } = await files().remove([key]);
      if (error) throw new Error(`storage remove failed: ${error.message}`);
    },
    async uploadTarget({ key }) {
      const { data, error } = await files().createSignedUploadUrl(key);
      if (error) throw new Error(`storage upload slot failed: ${error.message}`);
      // What storage-js's uploadToSignedUrl sends for raw bytes: PUT, the bytes as the body, no upsert. The
      // waiting object is never served as what it claims to be: it is read back and stored again at completion.
      return { url: data.signedUrl, headers: { 'Content-Type': 'application/octet-stream', 'x-upsert': 'false' } };
    },
    receive: null,
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
