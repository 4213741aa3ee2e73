import { randomUUID } from 'node:crypto';
import { PARTICIPA_URL } from './env.ts';

let clientCounter = Math.floor(Math.random() * 200);

/** A fresh client address per test, so rate limits of one test never spill into another. */
export function newClientIp(): string {
  clientCounter = (clientCounter + 1) % 250;
  return `10.${Math.floor(Math.random() * 250)}.${clientCounter}.${Math.floor(Math.random() * 250) + 1}`;
}

export type Reply = { status: number; headers: Headers; body: any; text: string };

export async function request(path: string, init: RequestInit & { ip?: string } = {}): Promise<Reply> {
  const headers = new Headers(init.headers);
  headers.set('x-nf-client-connection-ip', init.ip ?? newClientIp());
  const response = await fetch(`${PARTICIPA_URL}${path}`, { ...init, headers, redirect: 'manual' });
  const text = await response.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export function postJson(path: string, payload: unknown, init: RequestInit & { ip?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  return request(path, { ...init, method: 'POST', headers, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });
}

export function postForm(path: string, fields: [string, string][], init: RequestInit & { ip?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/x-www-form-urlencoded');
  // Browsers send Origin on form posts; Astro refuses cross-site form posts to pages without it.
  if (!headers.has('origin')) headers.set('origin', PARTICIPA_URL);
  return request(path, { ...init, method: 'POST', headers, body: new URLSearchParams(fields).toString() });
}

export const newKey = () => randomUUID();
