import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { isStaffRole, type StaffClaims, type StaffRole } from './claims.ts';

const ISSUER_LOCAL = 'participa-local';

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** The HS256 secret: Supabase's legacy JWT secret in production, the local one otherwise. */
export function jwtSecret(env = process.env): string | undefined {
  return env.SUPABASE_JWT_SECRET || env.STAFF_JWT_SECRET;
}

/** Stable, email-derived subject so the audit log names the same person across tokens. */
async function subjectFor(email: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email.toLowerCase())));
  const hex = Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function signStaffToken(
  input: { email: string; roles: StaffRole[]; ttlSeconds?: number },
  secret: string,
): Promise<string> {
  const claims = {
    email: input.email.toLowerCase(),
    role: 'authenticated',
    aud: 'authenticated',
    app_metadata: { roles: input.roles },
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(await subjectFor(input.email))
    .setIssuer(ISSUER_LOCAL)
    .setIssuedAt()
    .setExpirationTime(`${input.ttlSeconds ?? 8 * 3600}s`)
    .sign(secretKey(secret));
}

function toStaffClaims(payload: JWTPayload): StaffClaims | null {
  const roles = (payload.app_metadata as { roles?: unknown } | undefined)?.roles;
  if (typeof payload.sub !== 'string' || typeof payload.email !== 'string' || !Array.isArray(roles)) return null;
  const staffRoles = roles.filter((r): r is StaffRole => typeof r === 'string' && isStaffRole(r));
  if (staffRoles.length === 0) return null;
  return {
    sub: payload.sub,
    email: payload.email,
    role: 'authenticated',
    aud: 'authenticated',
    app_metadata: { roles: staffRoles },
    exp: payload.exp,
    iat: payload.iat,
  };
}

let remoteKeys: ReturnType<typeof createRemoteJWKSet> | undefined;

/** Verifies a bearer token: HS256 with the configured secret, or Supabase Auth's published keys. */
export async function verifyStaffToken(token: string, env = process.env): Promise<StaffClaims | null> {
  try {
    const secret = jwtSecret(env);
    if (secret) {
      const { payload } = await jwtVerify(token, secretKey(secret), { algorithms: ['HS256'], audience: 'authenticated' });
      return toStaffClaims(payload);
    }
    if (env.SUPABASE_URL) {
      remoteKeys ??= createRemoteJWKSet(new URL('/auth/v1/.well-known/jwks.json', env.SUPABASE_URL));
      const { payload } = await jwtVerify(token, remoteKeys, { audience: 'authenticated' });
      return toStaffClaims(payload);
    }
    return null;
  } catch {
    return null;
  }
}
