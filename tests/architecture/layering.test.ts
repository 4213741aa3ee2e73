import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const lib = join(root, 'src', 'lib');

/** Folders a capability's code must never reach: the HTTP layer and the function handlers. */
const FORBIDDEN = [join(lib, 'http'), join(root, 'functions')];
/** Folders under src/lib that are not capabilities: they are the layers a capability sits on or under. */
const LAYERS = new Set(['http', 'db']);

type Violation = { file: string; specifier: string };

/** Static `import … from`, `export … from` and dynamic `import()` specifiers of one source text. */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

const inside = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);

/** The imports of `file` (absolute path, with its text) that resolve into a forbidden folder. */
function violationsOf(file: string, source: string, forbidden = FORBIDDEN): Violation[] {
  return importsOf(source)
    .filter((specifier) => specifier.startsWith('.'))
    .filter((specifier) => forbidden.some((folder) => inside(resolve(dirname(file), specifier), folder)))
    .map((specifier) => ({ file: relative(root, file), specifier }));
}

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|js|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const capabilities = () =>
  readdirSync(lib, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !LAYERS.has(entry.name))
    .map((entry) => join(lib, entry.name));

describe('layering', () => {
  it('no capability under src/lib, nor the files beside result.ts, imports src/lib/http or functions/', () => {
    const shared = readdirSync(lib, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(lib, e.name));
    const files = [...shared, ...capabilities().flatMap(sourcesUnder)];
    expect(files.length).toBeGreaterThan(20);
    const violations = files.flatMap((file) => violationsOf(file, readFileSync(file, 'utf8')));
    expect(violations.map((v) => `${v.file} imports ${v.specifier}`)).toEqual([]);
  });

  it('the store knows no capability: src/lib/db imports nothing from src/lib outside itself', () => {
    const elsewhere = readdirSync(lib).filter((name) => name !== 'db').map((name) => join(lib, name));
    const violations = sourcesUnder(join(lib, 'db')).flatMap((file) => violationsOf(file, readFileSync(file, 'utf8'), elsewhere));
    expect(violations.map((v) => `${v.file} imports ${v.specifier}`)).toEqual([]);
  });

  it('the checker finds static, re-exported, dynamic and type-only imports into http or functions', () => {
    const file = join(lib, 'surveys', 'staff', 'example.ts');
    const source = [
      "import { validate } from '../../validation.ts';",
      "import { readBody } from '../../http/body.ts';",
      "import type { Handler } from '../../http/endpoint.ts';",
      "export { json } from '../../http/respond.ts';",
      "const handler = await import('../../../../functions/admin-surveys.ts');",
      "import * as z from 'zod';",
      "import { httpLike } from '../../http-like.ts';",
    ].join('\n');
    expect(violationsOf(file, source).map((v) => v.specifier)).toEqual([
      '../../http/body.ts',
      '../../http/endpoint.ts',
      '../../http/respond.ts',
      '../../../../functions/admin-surveys.ts',
    ]);
  });
});
