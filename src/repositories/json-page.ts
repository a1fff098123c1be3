// A page of records as one JSON text, written by SQLite: the list's keyset query names
// the page's ids, then one statement joins each record's JSON (see the contracts' and
// sponsors' asJson) in that order, separated by commas. One value per page instead of one
// per record: better-sqlite3 makes a Buffer of each value it returns (about 1 µs each),
// and the response needs the page as bytes anyway. Both run in one read transaction, so
// a record another process deletes in between cannot go missing from a counted page.
import { sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/open.js'
import type { JsonPage } from '../lib/paging.js'
import { q } from './embed.js'
import type { Page } from './keyset.js'

/** Runs `list` (a page of ids) and writes its records' JSON, in one read transaction. */
export type JsonPager = (list: () => Page<{ id: string }>, params: Record<string, unknown>) => JsonPage

export function createJsonPage (db: Db, table: SQLiteTable, id: SQLiteColumn, record: SQL): JsonPager {
  const query = db.select({ page: sql<Buffer | null>`cast(group_concat(${record}, ',' order by page.key) as blob)` })
    .from(table)
    .innerJoin(sql`json_each(${sql.placeholder('ids')}) as page`, sql`page.value = ${q(id)}`)
    .prepare()
  const read = db.$client.transaction((list: () => Page<{ id: string }>, params: Record<string, unknown>): JsonPage => {
    const { rows, total, nextCursor } = list()
    const json = rows.length === 0 ? null : query.get({ ...params, ids: JSON.stringify(rows.map((row) => row.id)) })?.page
    return { json: json ?? Buffer.alloc(0), total, nextCursor }
  })
  return (list, params) => read(list, params)
}

/** One record's JSON (see createJsonPage) by id, as bytes; undefined when there is none. */
export function createJsonRecord (db: Db, table: SQLiteTable, id: SQLiteColumn, record: SQL): (key: string, params: Record<string, unknown>) => Buffer | undefined {
  const query = db.select({ json: sql<Buffer | null>`cast(${record} as blob)` }).from(table).where(sql`${q(id)} = ${sql.placeholder('id')}`).prepare()
  return (key, params) => {
    const row = query.get({ ...params, id: key })
    if (row === undefined) return undefined
    // The triggers give every record its read-model row: one missing is a fault of the database, not a 404.
    if (row.json === null) throw new Error(`the read model has no row for ${key} (src/db/read-model.ts checks it)`)
    return row.json
  }
}
