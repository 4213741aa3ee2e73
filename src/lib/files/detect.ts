/**
 * What a file really is, read from its bytes (never from its name or the declared type): the evidence
 * types we accept, each with the extensions a person may give it and how to name it in a message.
 */
export type FileKind = { type: string; extension: string; extensions: readonly string[]; description: string; inline: boolean };

const KINDS = {
  pdf: { type: 'application/pdf', extension: 'pdf', extensions: ['pdf'], description: 'un documento PDF', inline: true },
  png: { type: 'image/png', extension: 'png', extensions: ['png'], description: 'una imagen PNG', inline: true },
  jpeg: { type: 'image/jpeg', extension: 'jpg', extensions: ['jpg', 'jpeg'], description: 'una imagen JPEG', inline: true },
  webp: { type: 'image/webp', extension: 'webp', extensions: ['webp'], description: 'una imagen WebP', inline: true },
  gif: { type: 'image/gif', extension: 'gif', extensions: ['gif'], description: 'una imagen GIF', inline: true },
  csv: { type: 'text/csv', extension: 'csv', extensions: ['csv'], description: 'un texto (CSV)', inline: false },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    extensions: ['xlsx'],
    description: 'una hoja de cálculo de Excel (XLSX)',
    inline: false,
  },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    extensions: ['docx'],
    description: 'un documento de Word (DOCX)',
    inline: false,
  },
} as const satisfies Record<string, FileKind>;

export const ACCEPTED_KINDS: readonly FileKind[] = Object.values(KINDS);

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The entry names of a zip's central directory, or null when it is not a readable zip. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is the last 22 bytes, plus a comment of up to 65,535 bytes.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const skip = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + skip;
  }
  return names;
}

function officeKind(bytes: Uint8Array): FileKind | null {
  const names = zipEntryNames(bytes);
  if (!names?.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('xl/'))) return KINDS.xlsx;
  if (names.some((n) => n.startsWith('word/'))) return KINDS.docx;
  return null;
}

function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The accepted kind the bytes are, or null for anything else (an executable, an archive, a file in another text encoding). */
export function detectKind(bytes: Uint8Array): FileKind | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, ascii('%PDF-'))) return KINDS.pdf;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return KINDS.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return KINDS.jpeg;
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return KINDS.gif;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return KINDS.webp;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  // Markup is text too, but served as CSV (attachment, nosniff, default-src 'none') it can run nothing.
  if (isText(bytes)) return KINDS.csv;
  return null;
}

export const kindByType = (type: string): FileKind | undefined => ACCEPTED_KINDS.find((k) => k.type === type);

export const extensionOf = (name: string): string | null => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? null;
