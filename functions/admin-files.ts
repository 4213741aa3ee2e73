import type { Config } from '@netlify/functions';
import { staffAccountabilityPath, staffImprovementEvidencePath } from '../src/lib/accountability/links.ts';
import type { TargetKind } from '../src/lib/files/schemas.ts';
import { deleteEvidenceFile, uploadEvidenceFile } from '../src/lib/files/upload.ts';
import { readMultipart } from '../src/lib/http/multipart.ts';
import { errorResponse, fromResult, seeOther } from '../src/lib/http/respond.ts';
import { staffEndpoint, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { MESSAGES } from '../src/lib/error-messages.ts';

// Admin and communications: every evidence function the files attach through checks that same role.
const UPLOADERS = ['communications'] as const;

const BACK: Record<TargetKind, () => string> = {
  plan: () => '/staff',
  accountability: staffAccountabilityPath,
  incidence: () => '/staff/comunicaciones/incidencia',
  improvement: staffImprovementEvidencePath,
};
/** The staff page of a kind of target; the plan's for anything else. */
const backTo = (kind: string | null | undefined) => (kind && Object.hasOwn(BACK, kind) ? BACK[kind as TargetKind] : BACK.plan)();

/** A delete button names its page's kind of target in the query, so the form comes back to that page. */
const deletedBack = (request: Request) => backTo(new URL(request.url).searchParams.get('targetKind'));

/** The staff pages post the no-JS form (they ask for HTML); API clients get the contract's JSON. */
const fromPage = (request: Request) => (request.headers.get('accept') ?? '').includes('text/html');

export const routes = {
  'POST /api/admin/files': {
    roles: UPLOADERS,
    run: async (request, _params, caller) => {
      const body = await readMultipart(request);
      if (!body.ok) return errorResponse(body.error);
      const result = await uploadEvidenceFile(body.value.fields, body.value.file, caller);
      if (!fromPage(request)) return fromResult(result.ok ? { ok: true, value: { url: result.value.url, id: result.value.id } } : result, 201);
      const back = backTo(body.value.fields.targetKind);
      if (result.ok) return seeOther(`${back}?ok=archivo#subir-evidencia`);
      // Everything typed goes back to the form (the file cannot: browsers never prefill a file input).
      const kept = new URLSearchParams();
      for (const name of ['title', 'alt', 'targetRef'] as const) kept.set(name, body.value.fields[name] ?? '');
      const message = Object.values(result.error.fields ?? {}).join(' ') || (result.error.message ?? MESSAGES[result.error.code]);
      kept.set('error', message);
      return seeOther(`${back}?${kept}#subir-evidencia`);
    },
  },
  'POST /api/admin/files/:id/delete': staffWrite(UPLOADERS, deletedBack, 'archivo-borrado', (_data, { id }, caller) => deleteEvidenceFile(id, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = { path: ['/api/admin/files', '/api/admin/files/:id/delete'] };
