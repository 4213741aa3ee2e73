import { verifyStaffToken } from './tokens.ts';
import type { StaffClaims } from './claims.ts';

export const SESSION_COOKIE = 'participa_staff';

export type StaffSession = { email: string; roles: string[]; token: string; claims: StaffClaims };

/** What a session is read from: a request's headers (pages pass Astro.request, functions their request). */
type Credentials = { headers: Pick<Headers, 'get'> };

function cookieValue(credentials: Credentials, name: string): string | undefined {
  const header = credentials.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Bearer header first (API clients), then the browser session cookie. */
export function staffTokenOf(credentials: Credentials): string | undefined {
  const auth = credentials.headers.get('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) return auth.slice(7).trim();
  return cookieValue(credentials, SESSION_COOKIE);
}

export async function getStaffSession(credentials: Credentials): Promise<StaffSession | null> {
  const token = staffTokenOf(credentials);
  if (!token) return null;
  const claims = await verifyStaffToken(token);
  return claims ? { email: claims.email, roles: claims.app_metadata.roles, token, claims } : null;
}
