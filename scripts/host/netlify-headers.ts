import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'smol-toml';

type HeaderRule = { for: string; values: Record<string, string> };

/** netlify.toml's [[headers]]: the same file Netlify reads, so both hosts send the same headers. */
export async function loadHeaderRules(root: string): Promise<HeaderRule[]> {
  const config = parse(await readFile(join(root, 'netlify.toml'), 'utf8')) as { headers?: HeaderRule[] };
  return config.headers ?? [];
}

function matches(pattern: string, path: string): boolean {
  if (pattern.endsWith('/*')) return path.startsWith(pattern.slice(0, -1)) || path === pattern.slice(0, -2);
  return pattern === path;
}

export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) if (matches(rule.for, path)) Object.assign(out, rule.values);
  return out;
}
