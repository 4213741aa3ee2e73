import * as z from 'zod';

// Shared by the sign-in forms (field names, limits) and the functions that read them.
export const CODE_LENGTH = 6;

const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
// People paste codes with spaces ("123 456") or copy the line break: drop whitespace first.
const code = z
  .string()
  .max(40)
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(new RegExp(`^\\d{${CODE_LENGTH}}$`)));

export const requestCodeSchema = z.strictObject({ email });
export const verifyCodeSchema = z.strictObject({ email, code });
