/**
 * The networks followed for plan 4.1, in report order. WhatsApp keeps its history (the 2.2 share links
 * go there too), LinkedIn joins the survey's networks here.
 */
export const MONITORED_NETWORKS = [
  { value: 'facebook', label: 'Facebook' },
  { value: 'instagram', label: 'Instagram' },
  { value: 'x', label: 'X' },
  { value: 'tiktok', label: 'TikTok' },
  { value: 'youtube', label: 'YouTube' },
  { value: 'linkedin', label: 'LinkedIn' },
  { value: 'whatsapp', label: 'WhatsApp' },
] as const;

export type MonitoredNetwork = (typeof MONITORED_NETWORKS)[number]['value'];
export const NETWORK_VALUES = MONITORED_NETWORKS.map((n) => n.value) as [MonitoredNetwork, ...MonitoredNetwork[]];
export const networkLabel = (value: string): string => MONITORED_NETWORKS.find((n) => n.value === value)?.label ?? value;
