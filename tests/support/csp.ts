import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { SECURITY_HEADERS } from '../../src/lib/http/headers.ts';

type Policy = Map<string, string[]>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), values);
  }
  return policy;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const inlineStyles = (html: string) => [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
const inlineScripts = (html: string) => [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
const metaPolicy = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1] ?? null;

/**
 * The policies a browser enforces on a response (its header and, on a prerendered page, its <meta>) hold every
 * rule of the functions' strict policy: scripts only from the site, no framing, and styles either from files
 * or inline blocks pinned by their hashes, never any inline style at all.
 */
export function expectStrictCsp(reply: { headers: Headers; text: string }, where: string): void {
  const header = reply.headers.get('content-security-policy');
  expect(header, `CSP header on ${where}`).toBeTruthy();
  const policies = [header!, metaPolicy(reply.text)].filter((p): p is string => p !== null).map(parsePolicy);
  const strict = parsePolicy(SECURITY_HEADERS['Content-Security-Policy']);
  for (const [name, values] of strict) {
    if (name === 'style-src' || name === 'script-src') continue;
    expect(policies.some((p) => p.get(name)?.join(' ') === values.join(' ')), `${name} on ${where}`).toBe(true);
  }
  const scripts = policies.map((p) => p.get('script-src') ?? []);
  expect(scripts.every((s) => s.includes("'self'") && !s.includes("'unsafe-inline'")), `script-src on ${where}`).toBe(true);
  // Every policy the browser enforces must admit each inline script, or the script silently does not run.
  for (const block of inlineScripts(reply.text)) expect(scripts.every((s) => s.includes(sha256(block))), `hash of an inline script on ${where}`).toBe(true);
  const styles = policies.map((p) => p.get('style-src') ?? p.get('default-src') ?? []).filter((s) => !s.includes("'unsafe-inline'"));
  expect(styles.length, `a style-src without 'unsafe-inline' on ${where}`).toBeGreaterThan(0);
  for (const block of inlineStyles(reply.text)) expect(styles.some((s) => s.includes(sha256(block))), `hash of an inline style on ${where}`).toBe(true);
}

/** The CSS a page uses: its inline blocks (the build inlines every stylesheet). */
export const pageCss = (html: string): string => inlineStyles(html).join('\n');
