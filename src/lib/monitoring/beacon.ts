import { createHash } from 'node:crypto';

/** The cookie-free visits beacon (plan 4.2), the one script read pages may load. */
export const BEACON_SRC = '/visitas.js';

/**
 * Read pages load the beacon only once their content is on screen (the first paint, as Paint Timing reports
 * it; the load event where it cannot): on a slow connection it never competes with the page's own bytes.
 * Inline, so the browser's preload scanner cannot fetch it early; pinned by its hash in every policy.
 */
export const BEACON_LOADER = `(function(){function go(){var s=document.createElement('script');s.src='${BEACON_SRC}';document.head.appendChild(s)}var P=window.PerformanceObserver;if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf('paint')>=0)new P(function(l,o){o.disconnect();setTimeout(go)}).observe({type:'paint',buffered:true});else addEventListener('load',go)})()`;

/** The CSP source that admits the loader and no other inline script. */
export const BEACON_LOADER_HASH = `sha256-${createHash('sha256').update(BEACON_LOADER).digest('base64')}` as const;
