// A page of records as one JSON text, written by SQLite in one statement: the list's
// keyset query names the page's ids, then this joins each record's JSON (see the
// contracts' and sponsors' asJson) in that order, separated by commas. One value per page
// instead of one per record: better-sqlite3 makes a Buffer of each value it returns
// (about 1 µs each), and the response needs the page as bytes anyway.
import { sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/open.js'
import { q } from './embed.js'

/** A prepared statement: the records whose ids are given, joined, as bytes (empty for none). */
export function createJsonPage (db: Db, table: SQLiteTable, id: SQLiteColumn, record: SQL): (ids: string[], params: Record<string, unknown>) => Buffer {
  const query = db.select({ page: sql<Buffer | null>`cast(group_concat(${record}, ',' order by page.key) as blob)` })
    .from(table)
    .innerJoin(sql`json_each(${sql.placeholder('ids')}) as page`, sql`page.value = ${q(id)}`)
    .prepare()
  return (ids, params) => {
    if (ids.length === 0) return Buffer.alloc(0)
    return query.get({ ...params, ids: JSON.stringify(ids) })?.page ?? Buffer.alloc(0)
  }
}
