/**
 * Security headers for every response. netlify.toml repeats them for static files (Netlify does not apply
 * its [[headers]] to functions); a test keeps the two lists equal.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const NO_FRAMING = "frame-ancestors 'none'";

export function withSecurityHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  // A page's own policy (Astro's, with the hashes of its inline styles) cannot carry frame-ancestors in a
  // <meta>, so Astro leaves it out everywhere; no page may be framed all the same.
  const policy = response.headers.get('Content-Security-Policy')!;
  if (!policy.includes('frame-ancestors')) response.headers.set('Content-Security-Policy', `${policy.replace(/;?\s*$/, ';')} ${NO_FRAMING}`);
  return response;
}
