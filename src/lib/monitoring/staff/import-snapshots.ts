import { MONITORING_EDITORS } from './roles.ts';
import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { importSnapshotsInput } from '../schemas.ts';
import { parseSnapshotsCsv } from './snapshots-csv.ts';

/** Staff import snapshots from CSV text: every row or none (SQL checks again inside one transaction). */
export async function importSnapshots(body: unknown, caller: Caller): Promise<Result<{ imported: number }>> {
  const denied = forbiddenUnless(caller, MONITORING_EDITORS, 'No tiene permiso para importar cifras de redes sociales.');
  if (denied) return denied;
  const input = validate(importSnapshotsInput, body);
  if (!input.ok) return input;
  const rows = parseSnapshotsCsv(input.value.csv);
  if (!rows.ok) return rows;
  const payload = rows.value.map((r) => ({
    line: r.line,
    network: r.network,
    measured_on: r.measuredOn,
    followers: r.followers,
    posts: r.posts ?? null,
    reach: r.reach ?? null,
    engagement: r.engagement ?? null,
  }));
  return rpc<Result<{ imported: number }>>('staff_import_social_snapshots', { p_rows: payload }, caller);
}
