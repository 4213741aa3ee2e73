import { rpc, type Caller } from '../db/store.ts';
import { validate } from '../validation.ts';
import type { Result } from '../result.ts';
import { parseContactsCsv } from './contacts-csv.ts';
import { forbiddenUnless } from '../auth/require-role.ts';
import { importInput, type ImportSummary } from './schemas.ts';

/** Staff import the call list of a survey from CSV text: all rows or none. */
export async function importContacts(slug: string, body: unknown, caller: Caller): Promise<Result<ImportSummary>> {
  const denied = forbiddenUnless(caller, ['communications'], 'No tiene permiso para importar la lista de llamadas.');
  if (denied) return denied;
  const input = validate(importInput, body);
  if (!input.ok) return input;
  const rows = parseContactsCsv(input.value.csv);
  if (!rows.ok) return rows;
  return rpc<Result<ImportSummary>>('staff_import_phone_contacts', { p_survey_slug: slug, p_rows: rows.value }, caller);
}
