import * as z from 'zod';
import { blankToUndefined, bogotaDateTime } from '../validation.ts';

// Field rules shared by the communications schemas; staff forms send every value as a string, and an
// empty box means "not given".

export const SLUG = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use minúsculas sin tildes, números y guiones, por ejemplo encuesta-diciembre.');

export const text = (min: number, max: number) => z.string().trim().min(min).max(max);
export const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());

/** A link: an https address or a path of this site (never //host, which would leave the site). */
export const link = (message: string) => z.string().trim().max(2000).regex(/^(https:\/\/|\/(?!\/))\S*$/, message);

/** An ISO time with offset, or a `datetime-local` value in Colombian time → ISO in UTC. */
export const instant = bogotaDateTime;

export const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'Escriba la fecha como AAAA-MM-DD.');

export const ACTIVITY_CODE = z.string().trim().regex(/^\d+\.\d+$/, 'Elija una actividad del plan de la lista.');

/** A checkbox: "on"/"true" from a form, a boolean from JSON. */
export const flag = z.preprocess((value) => (value === 'on' || value === 'true' ? true : value === 'false' ? false : value), z.boolean());
