import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { participationCalendar } from '../../src/lib/communications/feeds.ts';
import type { Invitation } from '../../src/lib/communications/schemas.ts';
import { invitationShares } from '../../src/lib/communications/share.ts';
import { request } from '../support/http.ts';

const invitation: Invitation = {
  slug: 'audiencia-de-prueba',
  title: 'Pregunte en la audiencia',
  body: 'Envíe su pregunta a la audiencia pública.',
  imageUrl: null,
  imageAlt: null,
  target: { kind: 'hearing', label: 'Enviar una pregunta', url: '/rendicion-de-cuentas/audiencias/audiencia-1' },
  activityCode: '3.2',
  startsAt: '2026-12-03T19:00:00.000Z',
  endsAt: null,
  publishAt: '2026-11-20T13:00:00.000Z',
  expiresAt: null,
  updatedAt: '2026-11-20T13:00:00.000Z',
};

describe('share links', () => {
  it('one per network, each sharing the invitation page tagged with its own utm_source, medium and campaign', () => {
    const shares = invitationShares(invitation, 'https://participa.agencia.gov.co');
    expect(shares.map((s) => s.network)).toEqual(['facebook', 'x', 'whatsapp', 'linkedin', 'telegram', 'email']);
    for (const share of shares) {
      const url = new URL(share.url);
      expect(url.pathname).toBe('/participa/convocatorias/audiencia-de-prueba');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        utm_source: share.network,
        utm_medium: share.network === 'email' ? 'email' : 'social',
        utm_campaign: 'audiencia-de-prueba',
      });
      // The tagged address travels inside the network's share link, encoded.
      expect(share.href).toContain(encodeURIComponent(share.url));
    }
    expect(shares.find((s) => s.network === 'facebook')!.href).toMatch(/^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/);
    expect(shares.find((s) => s.network === 'email')!.href).toMatch(/^mailto:\?subject=Pregunte%20en%20la%20audiencia&body=/);
  });
});

describe('participation calendar', () => {
  it('holds dated invitations with a default two-hour length and plan activities as all-day spans', () => {
    const ics = participationCalendar({
      invitations: [invitation, { ...invitation, slug: 'sin-fecha', startsAt: null }],
      activities: [{ code: '3.2', title: 'Rendición de cuentas', startsOn: '2026-08-03', endsOn: '2026-12-04' }],
    }, 'https://participa.agencia.gov.co');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(['convocatoria-audiencia-de-prueba@participa', 'actividad-3.2@participa']);
    expect(events[0].startDate.toJSDate().toISOString()).toBe('2026-12-03T19:00:00.000Z');
    expect(events[0].endDate.toJSDate().toISOString()).toBe('2026-12-03T21:00:00.000Z');
    expect(events[1].startDate.isDate).toBe(true);
    expect(events[1].endDate.toString()).toBe('2026-12-05');
  });

  it('the served iCal feed parses and holds the seeded hearing invitation and the plan', async () => {
    const reply = await request('/participa/calendario.ics');
    expect(reply.headers.get('content-type')).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(reply.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const uids = events.map((e) => e.uid);
    expect(uids).toContain('convocatoria-pregunte-en-la-audiencia-publica@participa');
    expect(uids).toContain('actividad-5.3@participa');
    expect(uids).toContain('capacitacion-como-participar-en-la-rendicion-de-cuentas@participa');
    expect(uids).not.toContain('convocatoria-responda-la-encuesta-de-oferta@participa');
  });
});
