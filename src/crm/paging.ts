import { type Column, inArray, sql } from 'drizzle-orm'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** Keyset paging on time-sortable ids: fetch `limit + 1`, and the extra row says there is a next page. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit)
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null }
}

/** The owner filter for a visibility list; `null` (an admin) means no filter. */
export function ownedBy(column: Column, owners: string[] | null) {
  if (owners === null) return sql`1 = 1`
  return inArray(column, owners)
}
