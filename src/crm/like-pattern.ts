import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'

/** `%`, `_` and the escape character itself, written literally in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

/**
 * `column LIKE pattern ESCAPE '\'` with `%` / `_` in the user's text matched as themselves: a search for
 * `%` finds names containing a percent sign, not every row. `start` anchors the match at the beginning.
 */
export function likeText(column: SQLWrapper, text: string, where: 'contains' | 'start' = 'contains'): SQL {
  const pattern = where === 'start' ? `${escapeLike(text)}%` : `%${escapeLike(text)}%`
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`
}
