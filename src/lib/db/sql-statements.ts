/** One statement of a SQL file: its text as the Supabase CLI records it, and where it starts in the file. */
export type SqlStatement = { text: string; offset: number };

const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;
const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;

/** Index just past the string, quoted identifier or comment that starts at `i`, or `i` when none does. */
function skipQuoted(sql: string, i: number): number {
  const c = sql[i];
  if (c === '-' && sql[i + 1] === '-') {
    const end = sql.indexOf('\n', i);
    return end === -1 ? sql.length : end + 1;
  }
  if (c === '/' && sql[i + 1] === '*') {
    let depth = 1;
    let j = i + 2;
    while (j < sql.length && depth > 0) {
      if (sql.startsWith('/*', j)) (depth++, (j += 2));
      else if (sql.startsWith('*/', j)) (depth--, (j += 2));
      else j++;
    }
    return j;
  }
  if (c === "'" || c === '"') {
    const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? '') && !IDENTIFIER_CHAR.test(sql[i - 2] ?? '');
    let j = i + 1;
    while (j < sql.length) {
      if (escapes && sql[j] === '\\') j += 2;
      else if (sql[j] === c && sql[j + 1] === c) j += 2;
      else if (sql[j] === c) return j + 1;
      else j++;
    }
    return j;
  }
  if (c === '$' && !IDENTIFIER_CHAR.test(sql[i - 1] ?? '')) {
    const tag = DOLLAR_TAG.exec(sql.slice(i, i + 64))?.[0];
    if (tag) {
      const end = sql.indexOf(tag, i + tag.length);
      return end === -1 ? sql.length : end + tag.length;
    }
  }
  return i;
}

/**
 * Splits a SQL file at the semicolons outside strings, quoted identifiers, dollar quotes and comments,
 * keeping each statement's leading comments, trimmed and without its `;`: the same statements the
 * Supabase CLI stores in `supabase_migrations.schema_migrations.statements`.
 */
export function splitStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = sql.slice(start, end);
    const text = raw.trim();
    if (text) statements.push({ text, offset: start + raw.indexOf(text) });
  };
  let i = 0;
  while (i < sql.length) {
    const next = skipQuoted(sql, i);
    if (next > i) {
      i = next;
    } else if (sql[i] === ';') {
      push(i);
      start = ++i;
    } else {
      i++;
    }
  }
  push(sql.length);
  return statements;
}

/** 1-based line number of a character offset. */
export function lineAt(sql: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < sql.length; i++) if (sql[i] === '\n') line++;
  return line;
}
