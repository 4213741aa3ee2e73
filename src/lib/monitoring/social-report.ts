import { rpc } from '../db/store.ts';
import type { Period } from './period.ts';
import type { SocialAccount } from './staff/save-account.ts';
import type { Snapshot } from './staff/record-snapshot.ts';

/** One network's month: its last followers against the last known before the month, and the month's activity. */
export type SocialMonth = {
  network: string;
  month: string;
  measuredOn: string;
  followers: number;
  change: number | null;
  changePct: number | null;
  posts: number | null;
  reach: number | null;
  engagement: number | null;
};

export type SocialReport = { from: string; to: string; accounts: SocialAccount[]; snapshots: Snapshot[]; months: SocialMonth[] };

export function getSocialReport(period: Period): Promise<SocialReport> {
  return rpc<SocialReport>('social_monitoring_report', { p_from: period.from, p_to: period.to });
}

/** Increases and decreases are flagged in words, not by colour alone. */
export function trendOf(change: number | null): 'up' | 'down' | 'flat' | null {
  if (change === null) return null;
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}

/** Engagement per post of each network over the period (posts against engagement). */
export function activityByNetwork(months: SocialMonth[]): { network: string; posts: number; engagement: number; perPost: number | null }[] {
  const totals = new Map<string, { posts: number; engagement: number }>();
  for (const m of months) {
    if (m.posts === null && m.engagement === null) continue;
    const t = totals.get(m.network) ?? { posts: 0, engagement: 0 };
    t.posts += m.posts ?? 0;
    t.engagement += m.engagement ?? 0;
    totals.set(m.network, t);
  }
  return [...totals].map(([network, t]) => ({ network, ...t, perPost: t.posts > 0 ? Math.round((10 * t.engagement) / t.posts) / 10 : null }));
}
