/**
 * The parts of an SQL text that are code, as opposed to quoted literals,
 * quoted identifiers and comments: what a rewrite of the text's placeholders
 * or hints may touch. Texts are as the query builder writes them: literals
 * in single quotes, identifiers in double quotes (a doubled quote inside
 * either is part of it), comments `-- …` to the end of the line or
 * `/* … *\/`.
 */

/**
 * `sql` rewritten: quoted texts and comments copied as they are, every other
 * character `c` replaced by what `code` answers for it (`next` is the
 * character after it, `out` what was written so far).
 */
export function rewriteCode(sql: string, code: (c: string, next: string | undefined, out: string) => string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const end = endOfQuoteOrComment(sql, i);
    if (end === undefined) {
      out += code(sql[i]!, sql[i + 1], out);
      i++;
    } else {
      out += sql.slice(i, end);
      i = end;
    }
  }
  return out;
}

/** Just after the quoted text or comment that starts at `i`, or undefined if none does. */
function endOfQuoteOrComment(sql: string, i: number): number | undefined {
  const c = sql[i];
  const after = (text: string, from: number) => {
    const at = sql.indexOf(text, from);
    return at < 0 ? sql.length : at + text.length;
  };
  // A doubled quote inside ends one quoted text where the next begins: copied alike.
  if (c === "'" || c === '"') return after(c, i + 1);
  if (c === '-' && sql[i + 1] === '-') return after('\n', i + 2);
  if (c === '/' && sql[i + 1] === '*') return after('*/', i + 2);
  return undefined;
}
