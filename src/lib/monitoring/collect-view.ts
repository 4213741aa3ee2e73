import { createHash } from 'node:crypto';
import { rpc } from '../db/store.ts';
import { clientHash, requestHash } from '../fingerprints.ts';
import { ok, type Result } from '../result.ts';
import { validate } from '../validation.ts';
import { collectInput } from './schemas.ts';
import { browserOf, deviceOf, isBot } from './user-agent.ts';

/** What the request says about the visitor; the use case keeps none of it as it comes. */
export type VisitContext = {
  userAgent: string;
  /** Client address (for the day's visitor hash only). */
  ip: string;
  /** Host the page was served from: links inside the site are no referrer. */
  host: string;
  /** Do-Not-Track or Global Privacy Control sent by the browser. */
  optedOut: boolean;
  country: string | null;
  region: string | null;
  /** The contract's Idempotency-Key: a replayed view is counted once. */
  idempotencyKey: string | null;
};

export type Collected = { stored: boolean };

// Staff pages and the API are no public reading. (One-off pages such as a ticket carry no beacon at all:
// BaseLayout leaves it out of every page kept out of search engines.)
const UNMEASURED = /^\/(staff|api|_astro)(\/|$)/;

const hostOf = (referrer: string | undefined): string | null => {
  if (!referrer) return null;
  try {
    const url = new URL(referrer);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    // DNS names end at 253 characters: anything longer is made up, not a site someone came from.
    return /^https?:$/.test(url.protocol) && host && host.length <= 253 ? host : null;
  } catch {
    return null;
  }
};

// The rollup joins campaign, source and medium with "|": a tag keeps its words, never that separator.
const tag = (value: string | undefined, lower = true) => (value ? (lower ? value.toLowerCase() : value).replaceAll('|', '/') : null);

/**
 * One page view from the beacon: bots, opted-out browsers and unmeasured paths are answered the same
 * but not stored. The address and user agent leave this function only as a hash, which SQL salts with
 * the day's salt before storing.
 */
export async function collectView(body: unknown, visit: VisitContext): Promise<Result<Collected>> {
  const input = validate(collectInput, body);
  if (!input.ok) return input;
  const { referrer, utm } = input.value;
  // Query strings can carry codes and secrets (a ticket's link): only the path is kept.
  const path = input.value.path.replace(/[?#].*$/, '');
  if (visit.optedOut || isBot(visit.userAgent) || UNMEASURED.test(path)) return ok({ stored: false });
  const site = visit.host.toLowerCase().replace(/^www\./, '');
  const referrerHost = hostOf(referrer);
  const client = createHash('sha256').update(`${site}\n${visit.ip}\n${visit.userAgent}`).digest('hex');
  const stored = await rpc<Result<unknown>>('collect_page_view', {
    p_path: path,
    p_referrer_host: referrerHost === site.replace(/:\d+$/, '') ? null : referrerHost,
    p_utm_source: tag(utm?.source),
    p_utm_medium: tag(utm?.medium),
    p_utm_campaign: tag(utm?.campaign, false),
    p_device: deviceOf(visit.userAgent),
    p_browser: browserOf(visit.userAgent),
    p_country: visit.country,
    p_region: visit.region,
    p_client: client,
    p_idempotency_key: visit.idempotencyKey,
    p_request_hash: visit.idempotencyKey ? requestHash(input.value) : null,
    p_rate_client: clientHash(visit.ip),
  });
  return stored.ok ? ok({ stored: true }) : stored;
}
