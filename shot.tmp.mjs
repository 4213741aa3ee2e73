import { chromium } from '@playwright/test';
const S = process.argv[2];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 900, height: 1100 } });
const shots = JSON.parse(process.argv[3]);
for (const [path, file, y] of shots) {
  await p.goto(S + path);
  await p.evaluate((y) => window.scrollTo(0, y), y);
  await p.screenshot({ path: `/tmp/mon/${file}.png` });
}
await b.close();
