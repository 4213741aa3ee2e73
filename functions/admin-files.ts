import type { Config } from '@netlify/functions';
import { completeUpload, openUpload, receiveUpload } from '../src/lib/files/direct-upload.ts';
import { evidenceFormReturn, evidencePageOf } from '../src/lib/files/form-return.ts';
import type { UploadedFile } from '../src/lib/files/schemas.ts';
import { deleteEvidenceFile, uploadEvidenceFile } from '../src/lib/files/upload.ts';
import { readBody } from '../src/lib/http/body.ts';
import { readMultipart } from '../src/lib/http/multipart.ts';
import { errorResponse, fromResult, seeOther } from '../src/lib/http/respond.ts';
import { staffEndpoint, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import type { Result } from '../src/lib/result.ts';

// Admin and communications: every evidence function the files attach through checks that same role.
const UPLOADERS = ['communications'] as const;

/** The staff pages post the no-JS form (they ask for HTML); API clients get the contract's JSON. */
const fromPage = (request: Request) => (request.headers.get('accept') ?? '').includes('text/html');

/** A stored file, whichever way its bytes came: where it is published and its id. */
const created = (result: Result<UploadedFile>) => fromResult(result.ok ? { ok: true, value: { url: result.value.url, id: result.value.id } } : result, 201);

export const routes = {
  'POST /api/admin/files': {
    roles: UPLOADERS,
    run: async (request, _params, caller) => {
      const body = await readMultipart(request);
      if (!body.ok) return errorResponse(body.error);
      const result = await uploadEvidenceFile(body.value.fields, body.value.file, caller);
      return fromPage(request) ? seeOther(evidenceFormReturn(body.value.fields, result.ok ? null : result.error)) : created(result);
    },
  },
  'POST /api/admin/files/uploads': {
    roles: UPLOADERS,
    run: async (request, _params, caller) => {
      const body = await readBody(request);
      return body.ok ? fromResult(await openUpload(body.value.data, caller), 201) : errorResponse(body.error);
    },
  },
  'PUT /api/admin/files/uploads/:id': {
    roles: UPLOADERS,
    run: async (request, { id }, caller) => fromResult(await receiveUpload(id, request.body, caller)),
  },
  'POST /api/admin/files/uploads/:id/complete': {
    roles: UPLOADERS,
    run: async (request, { id }, caller) => {
      const body = await readBody(request);
      return body.ok ? created(await completeUpload(id, caller)) : errorResponse(body.error);
    },
  },
  // A delete button names its page's kind of target in the query, so the form comes back to that page.
  'POST /api/admin/files/:id/delete': staffWrite(UPLOADERS, (request) => evidencePageOf(new URL(request.url).searchParams.get('targetKind')), 'archivo-borrado', (_data, { id }, caller) => deleteEvidenceFile(id, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: ['/api/admin/files', '/api/admin/files/uploads', '/api/admin/files/uploads/:id', '/api/admin/files/uploads/:id/complete', '/api/admin/files/:id/delete'],
};
