import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNSTORABLE_TEXT_MESSAGE } from '../../src/lib/validation.ts';
import { PARTICIPA_URL } from '../support/env.ts';
import { contractProblem, describeRequest, operationsOf, requestArb, send, valid, type Operation } from '../support/fuzz.ts';
import { postJson } from '../support/http.ts';
import { staffToken } from '../support/staff.ts';

// Every operation with a body, public and staff, read from the served OpenAPI document: a new operation is
// fuzzed the day it lands. The suite shares one database, so nothing here is meant to land: path parameters
// name nothing (valid bodies are validated, then point nowhere) and creating operations get one unknown
// field. `npm run fuzz` writes too, aiming at the seed's own records, on a throwaway database.
const operations = operationsOf(await (await fetch(`${PARTICIPA_URL}/api/openapi.json`)).json());
const RUNS = Number(process.env.FUZZ_RUNS) || 200;

const tokenFor = (op: Operation) => (op.staff ? staffToken('admin') : Promise.resolve(null));
const concrete = (op: Operation) => op.path.replace(/\{\w+\}/g, 'fuzz-no-existe');

describe('the fuzz walks the OpenAPI document', () => {
  it('finds the operations that take a body, public and staff', () => {
    expect(operations.length).toBeGreaterThan(70);
    expect(operations.some((op) => op.staff)).toBe(true);
    expect(operations.some((op) => !op.staff)).toBe(true);
  });
});

describe.concurrent('text PostgreSQL cannot store is a 422 naming the field, on every operation', () => {
  it.each(operations)('$method $path', async (op) => {
    const [body] = fc.sample(valid(op.schema), { numRuns: 1, seed: 17 }) as Record<string, unknown>[];
    const headers = op.staff ? { Authorization: `Bearer ${await tokenFor(op)}` } : undefined;
    for (const bad of ['antes\u0000después', 'mitad \ud83d de un emoji']) {
      const reply = await postJson(concrete(op), JSON.stringify({ ...body, nota: bad }), { headers });
      expect(reply.status, reply.text).toBe(422);
      expect(reply.body.error).toMatchObject({ code: 'validation_failed', fields: { nota: UNSTORABLE_TEXT_MESSAGE } });
    }
    // Every operation runs at once here, beside the rest of the suite: time for the queue, not for one request.
  }, 60_000);
});

describe.concurrent(`hostile bodies on every operation (${RUNS} runs each): never a 5xx, every 4xx in the contract's shape`, () => {
  it.each(operations)(
    '$method $path',
    async (op) => {
      const token = await tokenFor(op);
      await fc.assert(
        fc.asyncProperty(requestArb(op), async (request) => {
          const problem = contractProblem(await send(PARTICIPA_URL, request, token));
          if (problem) throw new Error(`${problem}\n  ${describeRequest(request)}`);
        }),
        { numRuns: RUNS },
      );
    },
    180_000,
  );
});
