import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

// A double of the few Supabase Auth (GoTrue) endpoints the portal calls, on a loopback port. Supabase
// is not ours: what we test is that our functions talk to it the way it answers.

export type Call = { method: string; path: string; query: URLSearchParams; headers: IncomingMessage['headers']; body: any };
type Key = { kid: string; alg: 'ES256' | 'RS256'; privateKey: CryptoKey; publicKey: CryptoKey };

async function newKey(kid: string, alg: Key['alg']): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicKey };
}

export type FakeGoTrue = Awaited<ReturnType<typeof startFakeGoTrue>>;

export async function startFakeGoTrue() {
  const keys = { es: await newKey('es-key-1', 'ES256'), rs: await newKey('rs-key-1', 'RS256') };
  /** Invited users by e-mail, with their app_metadata.roles; the code each one was last sent. */
  const users = new Map<string, { id: string; roles: unknown[] }>();
  const codes = new Map<string, string>();
  const calls: Call[] = [];
  let url = '';

  /** An access token as Supabase Auth signs it: asymmetric key with a kid, its usual claims. */
  async function accessToken(email: string, roles: unknown[], options: { key?: Key; claims?: JWTPayload; expiresIn?: string } = {}): Promise<string> {
    const key = options.key ?? keys.es;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      email,
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'], roles },
      user_metadata: {},
      role: 'authenticated',
      aal: 'aal1',
      amr: [{ method: 'otp', timestamp: now }],
      session_id: randomUUID(),
      is_anonymous: false,
      ...options.claims,
    })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setIssuer(`${url}/auth/v1`)
      .setSubject(users.get(email)?.id ?? randomUUID())
      .setAudience(typeof options.claims?.aud === 'string' ? options.claims.aud : 'authenticated')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(key.privateKey);
  }

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const target = new URL(req.url!, 'http://fake');
    const call: Call = { method: req.method!, path: target.pathname, query: target.searchParams, headers: req.headers, body: raw ? JSON.parse(raw) : null };
    calls.push(call);
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const refuse = (status: number, code: string, msg: string) => send(status, { code: status, error_code: code, msg });

    if (call.method === 'GET' && call.path === '/auth/v1/.well-known/jwks.json') {
      const jwk = async (k: Key) => ({ ...(await exportJWK(k.publicKey)), kid: k.kid, alg: k.alg, use: 'sig' });
      return send(200, { keys: [await jwk(keys.es), await jwk(keys.rs)] });
    }
    if (call.method === 'POST' && call.path === '/auth/v1/otp') {
      const { email, create_user } = call.body;
      if (!users.has(email) && create_user === false) return refuse(422, 'otp_disabled', 'Signups not allowed for otp');
      codes.set(email, String(Math.floor(Math.random() * 1e6)).padStart(6, '0'));
      return send(200, {});
    }
    if (call.method === 'POST' && call.path === '/auth/v1/verify') {
      const { email, token, type } = call.body;
      const user = users.get(email);
      if (type !== 'email' || !user || codes.get(email) !== token) return refuse(403, 'otp_expired', 'Token has expired or is invalid');
      codes.delete(email);
      const access_token = await accessToken(email, user.roles);
      return send(200, {
        access_token,
        token_type: 'bearer',
        expires_in: 3600,
        expires_at: Math.floor(Date.now() / 1000) + 3600,
        refresh_token: `refresh-${randomUUID()}`,
        user: { id: user.id, aud: 'authenticated', role: 'authenticated', email, app_metadata: { provider: 'email', providers: ['email'], roles: user.roles }, user_metadata: {} },
      });
    }
    if (call.method === 'POST' && call.path === '/auth/v1/logout') return send(204);
    return refuse(404, 'not_found', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    keys,
    calls,
    accessToken,
    newKey,
    invite(email: string, roles: unknown[]) {
      users.set(email, { id: randomUUID(), roles });
    },
    /** The code the e-mail would carry ({{ .Token }} in Supabase's template). */
    codeSentTo: (email: string) => codes.get(email),
    callsTo: (path: string) => calls.filter((c) => c.path === `/auth/v1/${path}`),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
