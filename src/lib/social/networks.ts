import { SOCIAL_SOURCES, type SocialSource } from '../surveys/schemas.ts';

/**
 * The networks the agency shares surveys on (plan 2.2): the utm_source values the survey form carries
 * into each response (src/lib/surveys/schemas.ts) and the SQL counts by name; any other source counts
 * as «otra».
 */
const LABELS: Record<SocialSource, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  tiktok: 'TikTok',
  whatsapp: 'WhatsApp',
  youtube: 'YouTube',
};

export const SOCIAL_NETWORKS = SOCIAL_SOURCES.map((value) => ({ value, label: LABELS[value] }));

export type SocialNetwork = SocialSource;
