/**
 * What the visits report keeps of a user agent: a device class and a browser family, worked out on the
 * server so the full string is never stored (plan 4.2). Order matters: Edge and Opera carry "Chrome",
 * Chrome carries "Safari".
 */
export type Device = 'desktop' | 'mobile' | 'tablet';

// Crawlers, link previews, uptime checks and headless browsers (our own end-to-end tests among them).
const BOT = /bot\b|bot\/|crawl|spider|slurp|headless|lighthouse|pagespeed|preview|facebookexternalhit|whatsapp|curl\/|wget\/|python-|node-fetch|undici|axios|go-http|java\/|okhttp|monitor|pingdom|uptime|^$/i;

const BROWSERS: [RegExp, string][] = [
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/CriOS\/|Chrome\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

export const isBot = (userAgent: string): boolean => BOT.test(userAgent.trim());

export function deviceOf(userAgent: string): Device {
  if (/iPad|Tablet|Kindle|Silk|PlayBook/i.test(userAgent) || (/Android/i.test(userAgent) && !/Mobile/i.test(userAgent))) return 'tablet';
  if (/Mobi|iPhone|iPod|Android|Windows Phone/i.test(userAgent)) return 'mobile';
  return 'desktop';
}

export function browserOf(userAgent: string): string {
  return BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'Otro';
}
