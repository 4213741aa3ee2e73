import * as z from 'zod';
import { MAX_BODY_BYTES } from '../body.ts';
import { components, errorRef, type ErrorStatus } from './components.ts';
import type { Endpoint, Reply } from './endpoint.ts';
import { ENDPOINTS } from './endpoints/index.ts';

type Io = 'input' | 'output';

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect): requests as the client sends them, responses as the server writes them. */
function jsonSchema(schema: z.ZodType, io: Io = 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  return rest;
}

const PARAMS: Record<string, string> = {
  slug: 'Dirección (slug) de la encuesta, p. ej. `oferta-de-servicios`.',
  code: 'Código de la actividad del plan, p. ej. `1.1`.',
  id: 'Identificador numérico.',
};

function parameters(endpoint: Endpoint) {
  const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const path = names.map((name) => ({
    name,
    in: 'path',
    required: true,
    description: endpoint.params?.[name] ?? PARAMS[name],
    schema: { type: 'string' },
  }));
  const query = Object.entries(endpoint.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !(schema as z.ZodType).safeParse(undefined).success,
    description: (schema as z.ZodType).description,
    schema: jsonSchema(schema as z.ZodType, 'input'),
  }));
  const idempotency = endpoint.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : [];
  return [...path, ...query, ...idempotency];
}

function requestBody(endpoint: Endpoint) {
  if (endpoint.rawBody) {
    return { required: true, description: endpoint.rawBody, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } };
  }
  if (!endpoint.body) return undefined;
  const schema = jsonSchema(endpoint.body, 'input');
  if (endpoint.multipartFile) {
    const file = { [endpoint.multipartFile]: { type: 'string', contentMediaType: 'application/octet-stream', description: 'El archivo; su tipo se lee de su contenido.' } };
    const required = [...((schema.required as string[]) ?? []), endpoint.multipartFile];
    return { required: true, content: { 'multipart/form-data': { schema: { ...schema, properties: { ...(schema.properties as object), ...file }, required } } } };
  }
  const content: Record<string, object> = { 'application/json': { schema } };
  if (!endpoint.form) return { required: true, content };
  // A no-JS form carries its idempotency key as a hidden field (no custom headers in a plain form).
  const key = { idempotencyKey: { type: 'string', description: 'Como la cabecera Idempotency-Key.' } };
  const formSchema = endpoint.idempotent ? { ...schema, properties: { ...(schema.properties as object), ...key } } : schema;
  content['application/x-www-form-urlencoded'] = { schema: formSchema };
  return { required: true, content };
}

function reply({ description, body, media = 'application/json', download }: Reply) {
  const headers = download ? { 'Content-Disposition': { description: `Descarga como archivo, p. ej. \`${download}\`.`, schema: { type: 'string' } } } : undefined;
  if (!body && media === 'application/json') return { description };
  return { description, headers, content: { [media]: { schema: body ? jsonSchema(body) : { type: 'string' } } } };
}

/** Errors every operation of a kind may answer: bodies can be unreadable, too big or invalid; staff can be refused. */
function errorsOf(endpoint: Endpoint): ErrorStatus[] {
  const statuses = new Set<ErrorStatus>(endpoint.errors ?? []);
  if (endpoint.body) [400, 413, 415, 422].forEach((s) => statuses.add(s as ErrorStatus));
  if (endpoint.rawBody) statuses.add(413);
  if (endpoint.staff) [401, 403].forEach((s) => statuses.add(s as ErrorStatus));
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}

function operation(endpoint: Endpoint) {
  const responses: Record<string, object> = {};
  for (const [status, value] of Object.entries(endpoint.responses)) responses[status] = reply(value);
  if (endpoint.form) {
    responses['303'] = {
      description: endpoint.form,
      headers: { Location: { description: 'Página a la que vuelve el formulario.', schema: { type: 'string' } } },
    };
  }
  for (const status of errorsOf(endpoint)) responses[status] = errorRef(status);
  const params = parameters(endpoint);
  return {
    operationId: `${endpoint.method}${endpoint.path.replace(/[^A-Za-z0-9]+(\w?)/g, (_m, c: string) => c.toUpperCase())}`,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(endpoint.body || endpoint.rawBody ? { requestBody: requestBody(endpoint) } : {}),
    responses,
    security: endpoint.staff ? [{ bearerAuth: [] }, { staffCookie: [] }] : [],
  };
}

function buildDocument() {
  const paths: Record<string, Record<string, object>> = {};
  for (const endpoint of ENDPOINTS) {
    const item = (paths[endpoint.path] ??= {});
    if (item[endpoint.method]) throw new Error(`${endpoint.method.toUpperCase()} ${endpoint.path} is described twice`);
    item[endpoint.method] = operation(endpoint);
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Participa API',
      version: '1.0.0',
      description:
        `API del portal de participación ciudadana. JSON UTF-8 de entrada y salida (hasta ${MAX_BODY_BYTES / 1024} KB); los campos desconocidos se rechazan; los errores llevan el cuerpo \`Error\`. Las rutas \`/api/admin/…\` son del personal: token Bearer, o la cookie de sesión con un \`Origin\` del mismo sitio.`,
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...new Set(ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: components((schema) => jsonSchema(schema)),
  };
}

let cached: string | undefined;

/** Built once per process: the schemas do not change while it runs. */
export function openApiJson(): string {
  cached ??= JSON.stringify(buildDocument());
  return cached;
}
