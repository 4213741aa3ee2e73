import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { bucketStorage } from '../../src/lib/files/storage.ts';
import { PDF } from './samples.ts';

// The staff page PUTs to a signed bucket URL with plain fetch/XMLHttpRequest, no supabase-js in the
// browser. A stand-in for Supabase Storage's two endpoints records what arrives, so the slot our storage
// gives is checked against what storage-js's own uploadToSignedUrl sends.

type Seen = { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer };
const seen: Seen[] = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
    res.setHeader('content-type', 'application/json');
    const path = req.url!.replace(/^\/storage\/v1/, '').split('?')[0];
    if (req.method === 'POST' && path.startsWith('/object/upload/sign/')) res.end(JSON.stringify({ url: `${path}?token=firmado` }));
    else if (req.method === 'PUT') res.end(JSON.stringify({ Key: path.replace('/object/upload/sign/', '') }));
    else res.writeHead(404).end('{}');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const comparable = (s: Seen) => ({ method: s.method, url: s.url, type: s.headers['content-type'], upsert: s.headers['x-upsert'], body: s.body.toString('base64') });

describe('the bucket upload slot', () => {
  it('is a signed URL the browser PUTs to as storage-js would, for a fresh key', async () => {
    const storage = await bucketStorage(base, 'clave-de-servicio', 'evidencias');
    const key = '0b8f2c1e-8d4a-4f3e-9a51-3c2d1e0f9a8b/pendiente';
    const slot = await storage.uploadTarget({ id: '0b8f2c1e-8d4a-4f3e-9a51-3c2d1e0f9a8b', key });
    expect(seen[0]).toMatchObject({ method: 'POST', url: `/storage/v1/object/upload/sign/evidencias/${key}` });
    expect(seen[0].headers['x-upsert']).toBeUndefined();
    expect(slot.url).toBe(`${base}/storage/v1/object/upload/sign/evidencias/${key}?token=firmado`);

    // What the page's script sends: the slot's URL, method and headers, the file as the body.
    await fetch(slot.url, { method: 'PUT', headers: slot.headers, body: PDF as Uint8Array<ArrayBuffer> });
    const client = createClient(base, 'clave-publica', { auth: { persistSession: false } });
    const { error } = await client.storage.from('evidencias').uploadToSignedUrl(key, 'firmado', PDF, { contentType: 'application/octet-stream' });
    expect(error).toBeNull();
    const [ours, theirs] = seen.slice(1);
    expect(comparable(ours)).toEqual(comparable(theirs));
    expect(ours.method).toBe('PUT');
  });
});
