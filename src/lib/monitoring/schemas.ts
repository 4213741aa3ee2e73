import * as z from 'zod';
import { calendarDay } from '../validation.ts';
import { NETWORK_VALUES } from './networks.ts';
import { todayInBogota } from './period.ts';

const utmValue = z.string().trim().max(100, 'Escriba como máximo 100 caracteres.').optional();

/** POST /api/collect, as the visits beacon (public/visitas.js) sends it. */
export const collectInput = z.strictObject({
  path: z
    .string()
    .max(300, 'La ruta admite máximo 300 caracteres.')
    .regex(/^\/[^\s]*$/, 'La ruta debe empezar por / y no tener espacios.'),
  referrer: z.string().max(2000, 'La procedencia admite máximo 2.000 caracteres.').optional(),
  utm: z.strictObject({ source: utmValue, medium: utmValue, campaign: utmValue }).optional(),
});
export type CollectInput = z.output<typeof collectInput>;

// SOCIAL NETWORKS (plan 4.1)

/** "1.234", "1,234" or "1234" → 1234, so figures copied from a network's statistics read as typed. */
const count = (label: string, required: boolean) => {
  const message = `Escriba ${label} como un número entero, sin decimales.`;
  const number = z
    .number({ error: message })
    .int(message)
    .min(0, `Escriba ${label} igual o mayor que 0.`)
    .max(2_000_000_000, `El número de ${label} es demasiado grande.`);
  return z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const text = v.trim();
    if (text === '') return undefined;
    return /^\d{1,3}([.,]\d{3})+$|^\d+$/.test(text) ? Number(text.replace(/[.,]/g, '')) : v;
  }, required ? number : number.optional());
};

/** "2026-03-15" or "15/03/2026" → "2026-03-15"; null when it is no real date. */
export function toIsoDate(value: string): string | null {
  const text = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? (/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text) && [text, ...text.split('/').reverse()]);
  if (!m) return null;
  const iso = `${m[1]}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

const ALIASES: Record<string, string> = { twitter: 'x', 'x (twitter)': 'x', 'you tube': 'youtube' };

export const snapshotInput = z.strictObject({
  network: z
    .string({ error: 'Elija una red.' })
    .transform((v) => ALIASES[v.trim().toLowerCase()] ?? v.trim().toLowerCase())
    .pipe(z.enum(NETWORK_VALUES, { error: 'Elija una red: Facebook, Instagram, X, TikTok, YouTube, LinkedIn o WhatsApp.' })),
  measuredOn: z.string({ error: 'Escriba la fecha de la medición.' }).transform((value, ctx) => {
    const date = toIsoDate(value);
    if (!date) ctx.issues.push({ code: 'custom', message: 'Escriba una fecha real como 2026-03-15 o 15/03/2026.', input: value });
    else if (date > todayInBogota()) ctx.issues.push({ code: 'custom', message: 'La fecha de la medición no puede ser futura.', input: value });
    else if (date < '2000-01-01') ctx.issues.push({ code: 'custom', message: 'Revise el año de la fecha.', input: value });
    else return date;
    return z.NEVER;
  }),
  followers: count('los seguidores', true),
  posts: count('las publicaciones', false),
  reach: count('el alcance', false),
  engagement: count('las interacciones', false),
});
export type SnapshotInput = z.output<typeof snapshotInput>;

export const importSnapshotsInput = z.strictObject({
  csv: z
    .string({ error: 'Pegue el contenido del archivo CSV.' })
    .max(60_000, 'El archivo es demasiado grande: importe como máximo 60.000 caracteres por vez.')
    .refine((v) => v.trim() !== '', 'Pegue el contenido del archivo CSV.'),
});

export const accountInput = z.strictObject({
  network: z.enum(NETWORK_VALUES, { error: 'Elija una red de la lista.' }),
  handle: z.string({ error: 'Escriba el nombre de la cuenta.' }).trim().min(1, 'Escriba el nombre de la cuenta.').max(100, 'Escriba como máximo 100 caracteres.'),
  url: z
    .string()
    .trim()
    .max(500, 'El enlace admite máximo 500 caracteres.')
    .refine((v) => v === '' || /^https:\/\/\S+$/.test(v), 'El enlace debe empezar por https://')
    .optional()
    .transform((v) => v || null),
});

export const publishInput = z.strictObject({
  desde: calendarDay('Escriba la fecha inicial (AAAA-MM-DD).'),
  hasta: calendarDay('Escriba la fecha final (AAAA-MM-DD).'),
});
