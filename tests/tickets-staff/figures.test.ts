import { describe, expect, it } from 'vitest';
import { request } from '../support/http.ts';
import { addRegistration, addWaitlistEntry, newEvent } from './fixtures.ts';
import { scriptsBesidesBeacon } from '../support/beacon.ts';

/*
 * The fixture, worked by hand. One event with an aforo of 20:
 *
 *   ticket  seats  given back  state                 checked in
 *   T1      4      0           active                yes
 *   T2      2      0           active                yes
 *   T3      3      1           active (partial)      no
 *   T4      1      0           active                no
 *   T5      2      2           cancelled             –
 *
 *   registrations      5 (cancelled included)
 *   seats registered   4 + 2 + 3 + 1 + 2 = 12; seats given back 1 + 2 = 3
 *   seats taken        12 − 3 = 9            occupancy     = 9 / 20      = 45.0 %
 *   cancellations      1 (T5 in full)        cancellation  = 3 / 12      = 25.0 %
 *   checked in         2 of 4 not cancelled  check-in rate = 2 / 4       = 50.0 %
 *   waiting list       3 joined (waiting, claimed, expired), 1 claimed → 1 / 3 = 33.3 %
 *
 * A second event with nothing yet has every rate empty (no denominator) but a 0 % occupancy.
 */
describe('GET /informes/boleteria and get_ticket_figures', () => {
  it('publishes the figures of each event as computed by hand, with no personal data', async () => {
    const slug = await newEvent({ capacity: 20 });
    await addRegistration(slug, { quantity: 4, checkedIn: true, fullName: 'Nombre Privado Uno' });
    await addRegistration(slug, { quantity: 2, checkedIn: true });
    await addRegistration(slug, { quantity: 3, cancelled: 1 });
    await addRegistration(slug, { quantity: 1 });
    await addRegistration(slug, { quantity: 2, cancelled: 2 });
    await addWaitlistEntry(slug, 'waiting');
    await addWaitlistEntry(slug, 'claimed');
    await addWaitlistEntry(slug, 'expired');
    const empty = await newEvent({ capacity: 8, title: 'Evento sin inscritos' });

    const { store } = await import('../support/db.ts');
    const figures: any = await store.rpc('get_ticket_figures');
    const mine = figures.events.find((e: any) => e.slug === slug);
    expect(mine).toMatchObject({
      capacity: 20, registrations: 5, seatsRegistered: 12, seatsTaken: 9, occupancyPct: 45, cancellations: 1, seatsCancelled: 3,
      cancellationPct: 25, checkedIn: 2, checkInPct: 50, waitlistJoined: 3, waitlistConverted: 1, conversionPct: 33.3,
    });
    expect(figures.events.find((e: any) => e.slug === empty)).toMatchObject({
      capacity: 8, registrations: 0, seatsTaken: 0, occupancyPct: 0, cancellationPct: null, checkInPct: null, conversionPct: null,
    });
    // The totals add up the events.
    const sum = (key: string) => figures.events.reduce((n: number, e: any) => n + e[key], 0);
    for (const key of ['capacity', 'registrations', 'seatsTaken', 'cancellations', 'checkedIn', 'waitlistJoined', 'waitlistConverted']) {
      expect(figures.totals[key], key).toBe(sum(key));
    }

    const page = await request('/informes/boleteria');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Cifras de uso de la boletería en línea');
    expect(page.text).toMatch(/45,0\s*%/);
    expect(page.text).not.toContain('Nombre Privado Uno');
    expect(scriptsBesidesBeacon(page.text)).toEqual([]);
  });

  it('is the evidence of plan activity 2.3', async () => {
    const plan = await request('/api/plan');
    const activity = plan.body.phases.flatMap((p: any) => p.activities).find((a: any) => a.code === '2.3');
    expect(activity.evidence.map((e: any) => e.url)).toContain('/informes/boleteria');
  });
});
