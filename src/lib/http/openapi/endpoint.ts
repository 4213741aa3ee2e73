import type * as z from 'zod';
import type { ErrorStatus } from './components.ts';

/** A success (or non-error) answer: a JSON body described by a zod schema, or another media type. */
export type Reply = {
  description: string;
  body?: z.ZodType;
  /** Defaults to application/json; CSV downloads say `text/csv`. */
  media?: string;
  /** A file download: an example of the name Content-Disposition gives. */
  download?: string;
};

/**
 * One operation of the API, described from the same zod schemas the function validates with.
 * `path` uses OpenAPI templates (`/api/surveys/{slug}`), the function's `config.path` with `:slug`.
 */
export type Endpoint = {
  method: 'get' | 'post' | 'put';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** Staff endpoints take a bearer token or the staff cookie, and may answer 401/403. */
  staff?: boolean;
  /** Descriptions of path parameters other than the usual ones (slug, code, id). */
  params?: Record<string, string>;
  query?: z.ZodObject;
  /** The request body; JSON unless `form` says the endpoint also takes a no-JS form. */
  body?: z.ZodType;
  /** Also accepts application/x-www-form-urlencoded (same fields) and then answers 303 to `form`. */
  form?: string;
  /** The body is multipart/form-data only: `body`'s text fields plus this binary part's name. */
  multipartFile?: string;
  /** The body is raw bytes (application/octet-stream), described by this text, instead of `body`. */
  rawBody?: string;
  /** Public POSTs: the Idempotency-Key header replays the first answer. */
  idempotent?: boolean;
  responses: Record<number, Reply>;
  /** Contract errors this operation answers besides those every operation of its kind may give. */
  errors?: ErrorStatus[];
};
