// Cookie-free visit count (plan 4.2): path, the referring site and the campaign tags, nothing else. No
// cookie, no storage; nothing is sent when the browser asks not to be tracked (DNT or GPC).
(function (d, n, l) {
  if (n.doNotTrack === '1' || n.doNotTrack === 'yes' || window.doNotTrack === '1' || n.globalPrivacyControl) return;
  var q = new URLSearchParams(l.search), utm = {}, keys = ['source', 'medium', 'campaign'], view = { path: l.pathname };
  for (var i = 0; i < keys.length; i++) if (q.get('utm_' + keys[i])) utm[keys[i]] = q.get('utm_' + keys[i]).slice(0, 100);
  if (keys.some(function (k) { return utm[k]; })) view.utm = utm;
  try {
    if (d.referrer) view.referrer = new URL(d.referrer).origin;
  } catch (e) {}
  fetch('/api/collect', { method: 'POST', keepalive: true, credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify(view) }).catch(function () {});
})(document, navigator, location);
