import { SOCIAL_NETWORKS, type SocialNetwork } from './networks.ts';

export type ShareLink = { network: SocialNetwork; label: string; url: string };

/** The site's public address (astro.config `site`, from SITE_URL), without a trailing slash. */
export function siteUrl(env: Record<string, string | undefined> = typeof process !== 'undefined' ? process.env : {}): string {
  return (env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, '');
}

/**
 * One link per network for a survey: the survey page tagged with utm_source, so each response records the
 * network it came from (survey_responses.source) and results and reach split by network.
 */
export function shareLinks(slug: string, base = siteUrl()): ShareLink[] {
  return SOCIAL_NETWORKS.map(({ value, label }) => {
    const url = new URL(`/encuestas/${encodeURIComponent(slug)}`, `${base}/`);
    url.searchParams.set('utm_source', value);
    url.searchParams.set('utm_medium', 'social');
    url.searchParams.set('utm_campaign', slug);
    return { network: value, label, url: url.toString() };
  });
}
