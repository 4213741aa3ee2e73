import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../src/lib/social/share-card.ts';
import { PARTICIPA_URL } from '../support/env.ts';
import { request } from '../support/http.ts';
import { newInvitation } from './fixtures.ts';

const meta = (html: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1] ?? null;

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
async function pngSize(url: string): Promise<{ type: string | null; width: number; height: number }> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { type: response.headers.get('content-type'), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('Open Graph cards as PNG (networks do not show SVG)', () => {
  const pages = async () => {
    const { slug } = await newInvitation({});
    return [`/participa/convocatorias/${slug}`, '/servicios/boleteria/taller-rendicion-de-cuentas', '/rendicion-de-cuentas/audiencias/audiencia-1'];
  };

  it('invitations, events and hearings point og:image at a 1200×630 PNG with its alt text', async () => {
    for (const path of await pages()) {
      const { status, text } = await request(path);
      expect(status, path).toBe(200);
      const image = meta(text, 'og:image');
      expect(image, path).toMatch(/\/compartir\/(convocatoria|evento|audiencia)\/[^/]+\.png$/);
      expect(meta(text, 'og:image:alt'), path).toBeTruthy();
      expect(meta(text, 'og:image:width')).toBe('1200');
      expect(await pngSize(`${PARTICIPA_URL}${new URL(image!).pathname}`)).toEqual({ type: 'image/png', width: 1200, height: 630 });
    }
  });

  it('an unknown slug or kind has no card', async () => {
    expect((await request('/compartir/evento/no-existe.png')).status).toBe(404);
    expect((await request('/compartir/otra-cosa/audiencia-1.png')).status).toBe(404);
  });

  it('long titles wrap by words into at most the lines asked for, the last one marked as cut', () => {
    expect(wrapWords('Audiencia pública de rendición de cuentas', 20, 4)).toEqual(['Audiencia pública de', 'rendición de cuentas']);
    const lines = wrapWords('palabra '.repeat(40), 20, 4);
    expect(lines).toHaveLength(4);
    expect(lines[3].endsWith('…')).toBe(true);
    expect(wrapWords('x'.repeat(30), 10, 2)).toEqual([`${'x'.repeat(9)}…`]);
  });
});
