import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { echoed, publicPost } from '../src/lib/http/public-post.ts';
import { askAboutPersonalData, confirmPersonalDataRequest } from '../src/lib/personal-data/citizen-requests.ts';
import { LINK_SENT_PATH, REQUEST_FORM_PATH, requestPath } from '../src/lib/personal-data/links.ts';

// The request (202 always, whether or not anything is held) and its confirmation from the e-mailed link's
// page. The no-JS forms go back with the error code and the names of the wrong fields, never their values.
const fieldNames = (fields?: Record<string, string>) => encodeURIComponent(echoed(Object.keys(fields ?? {}).join(',')));
const tokenOf = (data: Record<string, unknown>) => encodeURIComponent(echoed(data.token));

export default endpoint({
  POST: (request, context: Context) => {
    if (new URL(request.url).pathname.endsWith('/confirm')) {
      return publicPost(request, context, 'personal_data_token', confirmPersonalDataRequest, {
        success: (_value, data) => `${requestPath(tokenOf(data))}&hecho=1`,
        failure: (error, data) => `${requestPath(tokenOf(data))}&error=${error.code}&campos=${fieldNames(error.fields)}`,
      }, 200);
    }
    return publicPost(request, context, 'personal_data_request', askAboutPersonalData, {
      success: () => LINK_SENT_PATH,
      failure: (error) => `${REQUEST_FORM_PATH}?error=${error.code}&campos=${fieldNames(error.fields)}`,
    }, 202);
  },
});

export const config: Config = { path: ['/api/personal-data/requests', '/api/personal-data/requests/confirm'] };
