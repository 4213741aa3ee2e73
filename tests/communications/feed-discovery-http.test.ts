import { describe, expect, it } from 'vitest';
import { request } from '../support/http.ts';

/** The `<link rel="alternate">` feeds a page announces, as feed readers and browsers find them. */
function announcedFeeds(html: string): { type: string; href: string }[] {
  return [...html.matchAll(/<link\b[^>]*rel="alternate"[^>]*>/g)].map(([tag]) => ({
    type: /type="([^"]+)"/.exec(tag)?.[1] ?? '',
    href: /href="([^"]+)"/.exec(tag)?.[1] ?? '',
  }));
}

describe('feed autodiscovery', () => {
  for (const path of ['/', '/participa/convocatorias']) {
    it(`${path} announces the invitations feeds in RSS and Atom, and both answer as feeds`, async () => {
      const feeds = announcedFeeds((await request(path)).text);
      expect(feeds.map((f) => f.type).sort()).toEqual(['application/atom+xml', 'application/rss+xml']);
      for (const feed of feeds) {
        const reply = await request(feed.href);
        expect(reply.status).toBe(200);
        expect(reply.headers.get('content-type')).toContain(feed.type);
      }
    });
  }

  it('other pages do not announce them', async () => {
    expect(announcedFeeds((await request('/encuestas')).text)).toEqual([]);
  });
});
