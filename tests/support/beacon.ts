import { BEACON_LOADER, BEACON_SRC } from '../../src/lib/monitoring/beacon.ts';

/**
 * The cookie-free visits beacon (plan 4.2): the one script read pages may carry, once, from
 * src/layouts/BaseLayout.astro: an inline loader that adds /visitas.js after the first paint. Pages must work
 * the same without it.
 */
export { BEACON_SRC };
export const BEACON_TAG = `<script data-visitas>${BEACON_LOADER}</script>`;

/** The script tags of a page's HTML besides the beacon: what "no JavaScript" tests expect to be empty. */
export const scriptsBesidesBeacon = (html: string): string[] => [...html.replaceAll(BEACON_TAG, '').matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);

/** Whether a script request a browser made is the beacon's. */
export const isBeacon = (url: string): boolean => new URL(url).pathname === BEACON_SRC;

/** CSS selector of the script elements besides the beacon (its loader and the script the loader adds). */
export const SCRIPTS_BESIDES_BEACON = `script:not([src="${BEACON_SRC}"]):not([data-visitas])`;
