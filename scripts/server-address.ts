import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// `npm start` may listen on another PORT or HOST than a second terminal knows about: it notes the address it
// really listens on beside its data, and `npm run staff:link` reads it there.
const fileOf = (dataDir: string) => join(dataDir, 'server.json');

export async function recordServerAddress(dataDir: string, url: string): Promise<void> {
  await writeFile(fileOf(dataDir), JSON.stringify({ url }), 'utf8').catch(() => {});
}

/** Where people reach the portal: SITE_URL when it is set (the public address), else where `npm start` listens, else PORT. */
export async function serverAddress(dataDir: string): Promise<string> {
  if (process.env.SITE_URL) return process.env.SITE_URL.replace(/\/+$/, '');
  const noted = await readFile(fileOf(dataDir), 'utf8').then((text) => JSON.parse(text).url as unknown, () => undefined);
  return typeof noted === 'string' ? noted : `http://localhost:${process.env.PORT ?? 4321}`;
}
