import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { request } from '../support/http.ts';

export type Operation = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }>;
  security?: Record<string, string[]>[];
};
export type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: Record<string, any> };

/** The document as the served build answers it. */
export async function servedDocument(): Promise<Document> {
  const reply = await request('/api/openapi.json');
  if (reply.status !== 200) throw new Error(`GET /api/openapi.json answered ${reply.status}`);
  return reply.body;
}

/** The same document with every $ref replaced by its target, so one schema can be checked on its own. */
export async function dereferenced(): Promise<Document> {
  return (await SwaggerParser.dereference((await servedDocument()) as never)) as unknown as Document;
}

// Formats are documentation here (the functions' zod schemas check them); the shapes are what is asserted.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });

/** Validates a value against a schema of the document; answers the validator's complaints, [] when valid. */
export function schemaErrors(schema: object, value: unknown): string[] {
  const check = ajv.compile(schema);
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
