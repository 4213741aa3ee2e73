import * as z from 'zod';

export const TARGET_KINDS = ['plan', 'accountability', 'incidence', 'improvement'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** Largest evidence file: 20 MB, the contract's limit (DESIGN.md). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The text fields that travel with the file in POST /api/admin/files. */
export const fileFields = z.strictObject({
  title: z.string().trim().min(2, 'Escriba el título de la evidencia (al menos 2 caracteres).').max(200),
  alt: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || v.length >= 3, 'Describa la imagen en al menos 3 caracteres.'),
  targetKind: z.enum(TARGET_KINDS, { error: 'Elija de qué es evidencia: plan, rendición de cuentas, incidencia o acción de mejora.' }),
  targetRef: z.string().trim().min(1, 'Indique la actividad o el ejercicio.').max(200),
});
export type FileFields = z.infer<typeof fileFields>;

export type UploadedFile = { id: string; url: string; contentType: string; size: number; sha256: string };

/**
 * POST /api/admin/files/uploads: the same fields, and what the browser says of the file it is about to
 * send (its name and size; the type it claims is only a hint, the bytes decide at completion).
 */
export const uploadSlotFields = fileFields.extend({
  name: z.string().trim().min(1, 'Elija el archivo de la evidencia.').max(255, 'El nombre del archivo es demasiado largo (máximo 255 caracteres).'),
  size: z.int('Indique el tamaño del archivo en bytes.').min(1, 'El archivo está vacío: elija otro.'),
  type: z.string().max(255).optional(),
});
export type UploadSlotFields = z.infer<typeof uploadSlotFields>;

export type UploadSlot = { id: string; uploadUrl: string; method: 'PUT'; headers: Record<string, string>; expiresAt: string };
