import { randomUUID } from 'node:crypto';
import { PARTICIPA_URL } from './env.ts';

let clientCounter = Math.floor(Math.random() * 200);

/** A fresh client address per test, so rate limits of one test never spill into another. */
export function newClientIp(): string {
  clientCounter = (clientCounter + 1) % 250;
  return `10.${Math.floor(Math.random() * 250)}.${clientCounter}.${Math.floor(Math.random() * 250) + 1}`;
}

export type Reply = { status: number; headers: Headers; body: any; text: string };

/** `base`: another server than the served build (tests/production runs the build under Netlify's CLI). */
type Init = RequestInit & { ip?: string; base?: string };

export async function request(path: string, { ip, base = PARTICIPA_URL, ...init }: Init = {}): Promise<Reply> {
  const headers = new Headers(init.headers);
  headers.set('x-nf-client-connection-ip', ip ?? newClientIp());
  const response = await fetch(`${base}${path}`, { ...init, headers, redirect: 'manual' });
  const text = await response.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export function postJson(path: string, payload: unknown, init: Init = {}) {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  return request(path, { ...init, method: 'POST', headers, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });
}

export function postForm(path: string, fields: [string, string][], init: Init = {}) {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/x-www-form-urlencoded');
  // Browsers send Origin on form posts; Astro refuses cross-site form posts to pages without it.
  if (!headers.has('origin')) headers.set('origin', init.base ?? PARTICIPA_URL);
  return request(path, { ...init, method: 'POST', headers, body: new URLSearchParams(fields).toString() });
}

export const newKey = () => randomUUID();
