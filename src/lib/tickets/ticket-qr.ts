import QRCode from 'qrcode';

/**
 * The ticket's QR code as inline SVG. It carries the code alone: nothing personal, and a box office
 * can type the same code when a camera fails. Quartile error correction survives a cracked screen.
 */
export function ticketQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'Q', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
