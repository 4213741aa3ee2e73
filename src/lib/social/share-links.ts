import { SOCIAL_NETWORKS, type SocialNetwork } from './networks.ts';

/** The PNG preview a shared link shows (src/pages/compartir): invitations, events and hearings. */
export type ShareCardKind = 'convocatoria' | 'evento' | 'audiencia';
export const shareCardPath = (kind: ShareCardKind, slug: string) => `/compartir/${kind}/${encodeURIComponent(slug)}.png`;

export type ShareLink = { network: SocialNetwork; label: string; url: string };

/** The site's public address (astro.config `site`, from SITE_URL), without a trailing slash. */
export function siteUrl(env: Record<string, string | undefined> = typeof process !== 'undefined' ? process.env : {}): string {
  return (env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, '');
}

/** A site path as an absolute URL tagged with utm_source / utm_medium / utm_campaign. */
export function taggedUrl(path: string, utm: { source: string; medium: string; campaign: string }, base = siteUrl()): string {
  const url = new URL(path, `${base}/`);
  url.searchParams.set('utm_source', utm.source);
  url.searchParams.set('utm_medium', utm.medium);
  url.searchParams.set('utm_campaign', utm.campaign);
  return url.toString();
}

/**
 * One link per network for a survey: the survey page tagged with utm_source, so each response records the
 * network it came from (survey_responses.source) and results and reach split by network.
 */
export function shareLinks(slug: string, base = siteUrl()): ShareLink[] {
  return SOCIAL_NETWORKS.map(({ value, label }) => ({
    network: value,
    label,
    url: taggedUrl(`/encuestas/${encodeURIComponent(slug)}`, { source: value, medium: 'social', campaign: slug }, base),
  }));
}
