import type { Caller } from '../../db/store.ts';
import { ok, type Result } from '../../result.ts';
import { toCsv } from '../../csv.ts';
import { listRegistrations } from './list-registrations.ts';
import { REGISTRATION_STATUS_LABELS, type StaffRegistration } from './schemas.ts';

const HEADER = [
  'codigo', 'nombre', 'tipo_documento', 'documento', 'correo', 'telefono', 'boletas', 'estado', 'inscrita_en', 'cancelada_en',
  'ingreso_en', 'ingreso_registrado_por',
];

const row = (r: StaffRegistration) => [
  r.code, r.fullName, r.documentType, r.documentId, r.email, r.phone, r.quantity, REGISTRATION_STATUS_LABELS[r.status], r.createdAt,
  r.cancelledAt, r.checkedInAt, r.checkedInBy,
];

export type CsvFile = { filename: string; body: string };

/**
 * The door list of an event for the box office (personal data: staff only, never published). Cells a
 * spreadsheet would run as a formula (a name typed as "=HYPERLINK(…)") are neutralised by `toCsv`;
 * UTF-8 with BOM so spreadsheets show the accents. The same search as the page narrows it.
 */
export async function registrationsCsv(slug: string, query: unknown, caller: Caller): Promise<Result<CsvFile>> {
  const list = await listRegistrations(slug, query, caller, null);
  if (!list.ok) return list;
  return ok({ filename: `inscripciones-${slug}.csv`, body: `\uFEFF${toCsv([HEADER, ...list.value.items.map(row)])}` });
}
