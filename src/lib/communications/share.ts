import { taggedUrl } from '../social/share-links.ts';
import { invitationPath } from './links.ts';

export type InvitationShare = { network: string; label: string; href: string; url: string };

/**
 * Where each network's "share" dialog lives, given the tagged page address and a short text. These are
 * the networks' public share-intent URLs: no script or SDK of theirs ever loads on our pages.
 */
const NETWORKS: { network: string; label: string; medium: string; intent: (url: string, text: string) => string }[] = [
  { network: 'facebook', label: 'Facebook', medium: 'social', intent: (url) => `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}` },
  { network: 'x', label: 'X', medium: 'social', intent: (url, text) => `https://x.com/intent/post?text=${encodeURIComponent(text)}&url=${encodeURIComponent(url)}` },
  { network: 'whatsapp', label: 'WhatsApp', medium: 'social', intent: (url, text) => `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}` },
  { network: 'linkedin', label: 'LinkedIn', medium: 'social', intent: (url) => `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}` },
  { network: 'telegram', label: 'Telegram', medium: 'social', intent: (url, text) => `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(text)}` },
  { network: 'email', label: 'Correo electrónico', medium: 'email', intent: (url, text) => `mailto:?subject=${encodeURIComponent(text)}&body=${encodeURIComponent(url)}` },
];

/**
 * Share links of an invitation, one per network: the invitation's page tagged with utm_source = the network,
 * utm_medium = social (email for e-mail) and utm_campaign = the invitation's slug, so visits and survey
 * responses that come from a share are counted by network.
 */
export function invitationShares(invitation: { slug: string; title: string }, base?: string): InvitationShare[] {
  return NETWORKS.map(({ network, label, medium, intent }) => {
    const url = taggedUrl(invitationPath(invitation.slug), { source: network, medium, campaign: invitation.slug }, base);
    return { network, label, url, href: intent(url, invitation.title) };
  });
}
