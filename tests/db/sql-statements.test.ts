import { describe, expect, it } from 'vitest';
import { lineAt, splitStatements } from '../../src/lib/db/sql-statements.ts';

const texts = (sql: string) => splitStatements(sql).map((s) => s.text);

// The Supabase CLI stores each statement as written (leading comments kept), trimmed, without its `;`.
describe('splitting a migration into statements as the Supabase CLI does', () => {
  it('splits at semicolons and keeps each statement as written', () => {
    expect(texts('-- TABLE\ncreate table a (id int);\n\ninsert into a values (1) ;\n')).toEqual(['-- TABLE\ncreate table a (id int)', 'insert into a values (1)']);
  });

  it('does not split inside dollar-quoted bodies, strings, identifiers or comments', () => {
    const fn = "create function f() returns text language plpgsql as $fn$\nbegin\n  return 'a;b'; -- ;\nend\n$fn$";
    const sql = `${fn};\nselect 'it''s; here', "odd;name", E'\\';' /* a; /* nested; */ b; */ from t;\ndo $$ begin perform 1; end $$;`;
    expect(texts(sql)).toEqual([fn, `select 'it''s; here', "odd;name", E'\\';' /* a; /* nested; */ b; */ from t`, 'do $$ begin perform 1; end $$']);
  });

  it('does not take a positional parameter or an identifier with $ for a dollar quote', () => {
    expect(texts('select $1; select a$b$ from t; select 2')).toEqual(['select $1', 'select a$b$ from t', 'select 2']);
  });

  it('gives where each statement starts, for error lines', () => {
    const sql = '\n\n  create table a (id int);\n-- note\ncreate table b (id int);';
    const [a, b] = splitStatements(sql);
    expect(lineAt(sql, a.offset)).toBe(3);
    expect(lineAt(sql, b.offset)).toBe(4);
    expect(sql.slice(b.offset, b.offset + b.text.length)).toBe(b.text);
  });
});
