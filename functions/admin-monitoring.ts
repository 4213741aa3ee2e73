import type { Config } from '@netlify/functions';
import { staffEndpoint, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { importSnapshots } from '../src/lib/monitoring/staff/import-snapshots.ts';
import { publishReport } from '../src/lib/monitoring/staff/publish-report.ts';
import { recordSnapshot } from '../src/lib/monitoring/staff/record-snapshot.ts';
import { MONITORING_EDITORS } from '../src/lib/monitoring/staff/roles.ts';
import { saveAccount } from '../src/lib/monitoring/staff/save-account.ts';

const networksPage = () => '/staff/monitoreo/redes';
const reportPage = (_request: Request, { report }: Record<string, string>) => (report === 'sitio' ? '/staff/monitoreo/sitio' : networksPage());

export const routes = {
  'POST /api/admin/monitoring/snapshots': staffWrite(MONITORING_EDITORS, networksPage, 'cifras', (data, _params, caller) => recordSnapshot(data, caller), 201),
  'POST /api/admin/monitoring/snapshots/import': staffWrite(MONITORING_EDITORS, networksPage, 'importacion', (data, _params, caller) => importSnapshots(data, caller)),
  'POST /api/admin/monitoring/accounts': staffWrite(MONITORING_EDITORS, networksPage, 'cuenta', (data, _params, caller) => saveAccount(data, caller)),
  'POST /api/admin/monitoring/reports/:report/publish': staffWrite(MONITORING_EDITORS, reportPage, 'publicado', (data, { report }, caller) => publishReport(report, data, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: [
    '/api/admin/monitoring/snapshots',
    '/api/admin/monitoring/snapshots/import',
    '/api/admin/monitoring/accounts',
    '/api/admin/monitoring/reports/:report/publish',
  ],
};
