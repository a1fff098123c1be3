// A page of records as one JSON text, written by SQLite: the list's keyset query names
// the page's ids, then one statement joins each record's JSON (see the contracts' and
// sponsors' asJson) in that order, separated by commas. One value per page instead of one
// per record: better-sqlite3 makes a Buffer of each value it returns (about 1 µs each),
// and the response needs the page as bytes anyway. Both run in one read transaction, so
// a record another process deletes in between cannot go missing from a counted page.
//
// The statement reads the read model's table (sponsor_embeds, contract_embeds) by its key,
// straight from the page's ids: the record's own table is joined only when its JSON needs
// a column of it (a contract's status needs its term), never to find the read-model row.
import { sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/open.js'
import type { JsonPage } from '../lib/paging.js'
import { q } from './embed.js'
import type { Page } from './keyset.js'

/** Runs `list` (a page of ids) and writes its records' JSON, in one read transaction. */
export type JsonPager = (list: () => Page<{ id: string }>, params: Record<string, unknown>) => JsonPage

/** Where a record's JSON is read: the read model's table and key, and the record's own table. */
export interface JsonSource {
  /** The read model's table (one row per record, kept by triggers) and its key, the record's id. */
  model: SQLiteTable
  key: SQLiteColumn
  /** The record's own table and id: a single record is read from it; a page joins it when `record` needs it. */
  table: SQLiteTable
  id: SQLiteColumn
  /** Whether `record` reads columns of `table` (then a page joins it on the key). */
  joinTable: boolean
}

/** The read model's table, joined to the record's own table when the record's JSON needs it. */
function tablesOf (source: JsonSource): SQL {
  return source.joinTable ? sql`${source.model} join ${source.table} on ${q(source.id)} = ${q(source.key)}` : sql`${source.model}`
}

/** A fault of the database, not a 404: the triggers give every record its read-model row. */
function missingRow (id: string): Error {
  return new Error(`the read model has no row for ${id} (src/db/read-model.ts checks it)`)
}

export function createJsonPage (db: Db, source: JsonSource, record: SQL): JsonPager {
  const query = db.select({
    page: sql<Buffer | null>`cast(group_concat(${record}, ',' order by page.key) as blob)`,
    found: sql<number>`count(*)`
  }).from(tablesOf(source)).innerJoin(sql`json_each(${sql.placeholder('ids')}) as page`, sql`page.value = ${q(source.key)}`).prepare()
  const read = db.$client.transaction((list: () => Page<{ id: string }>, params: Record<string, unknown>): JsonPage => {
    const { rows, total, nextCursor } = list()
    if (rows.length === 0) return { json: Buffer.alloc(0), total, nextCursor }
    const result = query.get({ ...params, ids: JSON.stringify(rows.map((row) => row.id)) })
    // Every id the list named is a record, read in the same transaction: one not joined has no read-model row.
    // (count(*) counts joined rows; group_concat would skip a null text, which the read model's NOT NULL columns rule out.)
    if (result?.page == null || result.found !== rows.length) throw missingRow(`one of ${rows.map((row) => row.id).join(', ')}`)
    return { json: result.page, total, nextCursor }
  })
  return (list, params) => read(list, params)
}

/**
 * One record's JSON (see createJsonPage) by id, as bytes; undefined when there is none.
 * Read from the record's own table with its read-model row joined, so one statement tells
 * "no such record" (no row) from a missing read-model row (no JSON: a fault).
 */
export function createJsonRecord (db: Db, source: JsonSource, record: SQL): (key: string, params: Record<string, unknown>) => Buffer | undefined {
  const query = db.select({ json: sql<Buffer | null>`cast(${record} as blob)` })
    .from(source.table)
    .leftJoin(source.model, sql`${q(source.key)} = ${q(source.id)}`)
    .where(sql`${q(source.id)} = ${sql.placeholder('id')}`)
    .prepare()
  return (key, params) => {
    const row = query.get({ ...params, id: key })
    if (row === undefined) return undefined
    if (row.json === null) throw missingRow(key)
    return row.json
  }
}
