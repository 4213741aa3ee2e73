import sharp from 'sharp';

/** What a shared link's preview says: the kind of exercise, its title, when, and who invites. */
export type ShareCard = { kicker: string; title: string; when: string | null; agency: string };

// Facebook, X and WhatsApp show PNG or JPEG previews, not SVG: the card is drawn as SVG and rasterised.
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const TITLE_SIZE = 64;
// Bold DejaVu Sans averages about 0.62 em per character of Spanish text; lines are cut by that estimate.
const TITLE_CHARS_PER_LINE = Math.floor((CARD_WIDTH - 160) / (TITLE_SIZE * 0.62));
const MAX_TITLE_LINES = 3;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Words into at most `maxLines` lines of about `width` characters, the last one ending in «…» when cut. */
export function wrapWords(text: string, width: number, maxLines: number): string[] {
  const cut = (line: string) => `${line.slice(0, width - 1).trimEnd()}…`;
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word.length > width ? cut(word) : word;
  }
  if (line) lines.push(line);
  return lines.length <= maxLines ? lines : [...lines.slice(0, maxLines - 1), cut(lines[maxLines - 1])];
}

export function shareCardSvg(card: ShareCard): string {
  const lines = wrapWords(card.title, TITLE_CHARS_PER_LINE, MAX_TITLE_LINES);
  const titleTop = 225;
  const title = lines
    .map((line, i) => `<text x="80" y="${Math.round(titleTop + i * TITLE_SIZE * 1.15)}" font-size="${TITLE_SIZE}" font-weight="700" fill="#ffffff">${escapeXml(line)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif">
<rect width="100%" height="100%" fill="#0b3a5e"/>
<rect y="0" width="100%" height="16" fill="#ffd166"/>
<text x="80" y="110" font-size="34" fill="#ffd166">${escapeXml(card.kicker)}</text>
${title}
${card.when ? `<text x="80" y="500" font-size="34" fill="#e6eef5">${escapeXml(card.when)}</text>` : ''}
<text x="80" y="575" font-size="30" fill="#e6eef5">${escapeXml(card.agency)} · Participa</text>
</svg>`;
}

export const shareCardPng = (card: ShareCard): Promise<Buffer> => sharp(Buffer.from(shareCardSvg(card))).png({ compressionLevel: 9 }).toBuffer();
