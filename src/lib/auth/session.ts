import { verifyStaffToken } from './tokens.ts';
import type { StaffClaims } from './claims.ts';

export const SESSION_COOKIE = 'participa_staff';

export type StaffSession = { email: string; roles: string[]; token: string; claims: StaffClaims };

function cookieValue(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Bearer header first (API clients), then the browser session cookie. */
export function staffTokenOf(request: Request): string | undefined {
  const auth = request.headers.get('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) return auth.slice(7).trim();
  return cookieValue(request, SESSION_COOKIE);
}

export async function getStaffSession(request: Request): Promise<StaffSession | null> {
  const token = staffTokenOf(request);
  if (!token) return null;
  const claims = await verifyStaffToken(token);
  return claims ? { email: claims.email, roles: claims.app_metadata.roles, token, claims } : null;
}

export function sessionCookie(token: string, secure: boolean, maxAgeSeconds: number): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
