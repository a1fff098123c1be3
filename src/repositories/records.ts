// A resource's reads over one table: a keyset-paged list and one record by id, both
// mapping the selected row to the record the API answers (JSON columns parsed).
import { eq, sql } from 'drizzle-orm'
import type { SelectedFields, SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/open.js'
import type { PageRequest } from '../lib/paging.js'
import type { SourceSummary } from '../schemas/common.js'
import type { Static } from 'typebox'
import { parseJson } from './embed.js'
import { createLister, type ListSpec, type RowOf } from './keyset.js'

export interface ReadsSpec<Selection extends SelectedFields & { id: SQLiteColumn }, Record> extends ListSpec<Selection> {
  /** The record the API answers for a selected row. */
  toRecord: (row: RowOf<Selection>) => Record
}

/** A prepared one-row query; Drizzle cannot type the row of a selection it knows only generically. */
interface ById<Row> { get: (params: { id: string } & globalThis.Record<string, unknown>) => Row | undefined }

export function createReads<Selection extends SelectedFields & { id: SQLiteColumn }, Record, Filters extends object = globalThis.Record<string, never>> (db: Db, spec: ReadsSpec<Selection, Record>) {
  const list = createLister(db, spec)
  const byId = db.select(spec.select).from(spec.table).where(eq(spec.select.id, sql.placeholder('id'))).prepare() as ById<RowOf<Selection>>

  return {
    /** A page of records; `params` are values the selection or filters use (e.g. today). */
    list: (filters: Filters, page: PageRequest, params?: globalThis.Record<string, unknown>) => {
      const result = list({ ...page, filters: Object.fromEntries(Object.entries(filters)), params })
      return { ...result, rows: result.rows.map((row) => spec.toRecord(row)) }
    },

    get: (id: string, params?: globalThis.Record<string, unknown>): Record | undefined => {
      const row = byId.get({ ...params, id })
      return row === undefined ? undefined : spec.toRecord(row)
    }
  }
}

/** A row whose `sources` column holds the embedded sources as JSON, with them parsed. */
export function withSources<Row extends { sources: string }> (row: Row): Omit<Row, 'sources'> & { sources: Array<Static<typeof SourceSummary>> } {
  return { ...row, sources: parseJson<Array<Static<typeof SourceSummary>>>(row.sources) }
}
