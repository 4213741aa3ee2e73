import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startServedBuild } from '../served-build.ts';
const answers = JSON.parse(readFileSync('/tmp/sqls/answers.json', 'utf8'));
const body = JSON.stringify({ answers, consent: true });
async function step(url: string, rate: number, secs: number, tag: string) {
  const lat: number[] = []; const st: Record<string, number> = {};
  const t0 = performance.now(); const all: Promise<void>[] = [];
  for (let i = 0; i < rate * secs; i++) {
    const w = t0 + (i * 1000) / rate - performance.now(); if (w > 0) await new Promise((r) => setTimeout(r, w));
    all.push((async () => { const s = performance.now(); let code = 'err';
      try { const r = await fetch(`${url}/api/surveys/oferta-de-servicios/responses`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-nf-client-connection-ip': `10.${rate % 250}.${i % 250}.${Math.floor(i / 250) % 250}` }, body, signal: AbortSignal.timeout(5000) }); await r.arrayBuffer(); code = String(r.status); } catch {}
      lat.push(performance.now() - s); st[code] = (st[code] ?? 0) + 1; })());
  }
  await Promise.all(all); lat.sort((a, b) => a - b);
  console.log(`${tag} rate=${rate} p50=${lat[Math.floor(lat.length / 2)].toFixed(1)} p99=${lat[Math.floor(lat.length * 0.99)].toFixed(1)} ${JSON.stringify(st)}`);
}
for (const db of process.argv.slice(2)) {
  const server = await startServedBuild(`postgres://postgres@127.0.0.1:34583/${db}`);
  await step(server.url, 50, 4, db + ' warm');
  await step(server.url, 100, 6, db);
  await step(server.url, 150, 6, db);
  server.stop();
}
process.exit(0);
