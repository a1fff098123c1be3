// Writes of link rows (record → sources, contract → sponsors, ...) in their given order.
import { eq, getTableColumns } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/open.js'

type Link = SQLiteTable & { position: SQLiteColumn }

/** Replace the ids linked to `ownerId` through `table` (columns named by the keys). */
export function replaceLinks (db: Db, table: Link, ownerKey: string, targetKey: string, ownerId: string, targetIds: readonly string[]): void {
  const owner = getTableColumns(table)[ownerKey]
  if (owner === undefined) throw new Error(`link table has no column ${ownerKey}`)
  db.delete(table).where(eq(owner, ownerId)).run()
  if (targetIds.length === 0) return
  const rows = targetIds.map((targetId, position) => ({ [ownerKey]: ownerId, [targetKey]: targetId, position }))
  db.insert(table).values(rows).run()
}

/** Replace the sources of a record. */
export function replaceSources (db: Db, table: Link, ownerId: string, sourceIds: readonly string[]): void {
  replaceLinks(db, table, 'ownerId', 'sourceId', ownerId, sourceIds)
}
