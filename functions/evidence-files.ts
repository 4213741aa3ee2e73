import type { Config } from '@netlify/functions';
import { readEvidenceFile } from '../src/lib/files/upload.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { fileResponse } from '../src/lib/http/file-response.ts';
import { errorResponse } from '../src/lib/http/respond.ts';

/** The site path of every evidence file, so pages link and show it from this origin (img-src 'self'). */
export default endpoint({
  GET: async (request, context) => {
    const { id = '', name = '' } = context.params ?? {};
    const file = await readEvidenceFile(id, decodeURIComponent(name));
    return file.ok ? fileResponse(request, file.value) : errorResponse(file.error);
  },
});

export const config: Config = { path: '/evidencias/:id/:name' };
