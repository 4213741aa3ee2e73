import * as z from 'zod';

// Response fields only: what the database sends, described, not re-validated (input schemas keep their own rules).
export const dateTime = z.string().meta({ format: 'date-time' });
export const date = z.string().meta({ format: 'date' });
export const count = z.number().int().min(0);
