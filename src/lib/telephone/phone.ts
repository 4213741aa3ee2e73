/**
 * Colombian phone numbers (the same rule as private.normalize_co_phone in SQL). Since 2021 every number
 * has 10 digits: mobiles start with 3, landlines with 60 + the area digit (601 Bogotá, 602 Cali, 604
 * Medellín, 605 Caribe, 606 Eje Cafetero, 607 Santanderes, 608 resto). Stored in E.164: +573001234567.
 */
export type PhoneCheck = { ok: true; value: string } | { ok: false; message: string };

export const PHONE_HINT = 'Escriba un celular de 10 dígitos (3xx xxx xxxx) o un fijo con indicativo (60x xxx xxxx).';

export function normalizeColombianPhone(raw: string): PhoneCheck {
  let digits = raw.replace(/[\s().-]/g, '');
  if (digits.startsWith('+57')) digits = digits.slice(3);
  else if (digits.startsWith('0057')) digits = digits.slice(4);
  else if (/^57\d{10}$/.test(digits)) digits = digits.slice(2);

  if (/^3\d{9}$/.test(digits) || /^60[124-8]\d{7}$/.test(digits)) return { ok: true, value: `+57${digits}` };
  // Old landline format: area digit + 7 digits → 60 + area digit + 7 digits.
  if (/^[124-8]\d{7}$/.test(digits)) return { ok: true, value: `+5760${digits}` };
  if (/^\d{7}$/.test(digits)) {
    return { ok: false, message: 'Al fijo le falta el indicativo: escríbalo con 10 dígitos, por ejemplo 601 234 5678 en Bogotá.' };
  }
  if (digits.startsWith('+')) return { ok: false, message: 'Solo se pueden importar números de Colombia (+57).' };
  return { ok: false, message: PHONE_HINT };
}

/** +573001234567 → "+57 300 123 4567", for people to read and dial. */
export function formatPhone(e164: string | null): string {
  const match = /^\+57(\d{3})(\d{3})(\d{4})$/.exec(e164 ?? '');
  return match ? `+57 ${match[1]} ${match[2]} ${match[3]}` : (e164 ?? '');
}
