import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export type NetlifyHandler = (request: Request, context: unknown) => Promise<Response>;
export type MountedFunction = { name: string; paths: string[]; excludedPaths: string[]; handler: NetlifyHandler };

const isWildcard = (path: string) => path.includes('*');

/**
 * Bundles every `functions/*.ts` once (Netlify's dev runtime rebuilds per request), with shared chunks so
 * all functions share one module graph — one store, one connection pool — and reads each `config.path`.
 */
export async function loadFunctions(root: string): Promise<MountedFunction[]> {
  const dir = join(root, 'functions');
  const entries = (await readdir(dir)).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
  const outdir = join(root, '.netlify', 'host', 'functions');
  await build({
    entryPoints: entries,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  const mounted: MountedFunction[] = [];
  for (const entry of entries) {
    const name = entry.slice(dir.length + 1, -3);
    const mod = await import(pathToFileURL(join(outdir, `${name}.mjs`)).href);
    const path = mod.config?.path;
    if (!path) continue;
    mounted.push({ name, paths: [path].flat(), excludedPaths: [mod.config?.excludedPath ?? []].flat(), handler: mod.default });
  }
  // A catch-all (`/api/*`) comes after every literal path, as the lowest precedence.
  return mounted.sort((a, b) => Number(a.paths.some(isWildcard)) - Number(b.paths.some(isWildcard)));
}
