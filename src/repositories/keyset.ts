// Keyset-paginated, filtered, sorted lists over one table. Each combination of
// filters, sort and cursor is a "shape"; its query is built and prepared once, then
// reused with new parameter values (building Drizzle queries per request costs ~5×).
import { and, asc, Column, count, desc, is, sql, type Placeholder, type SQL } from 'drizzle-orm'
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types'
import type { SelectedFields, SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { decodeCursor, encodeCursor, type SortKey } from '../lib/cursor.js'
import type { Db } from '../db/open.js'
import { createTotals } from '../db/version.js'
export type { JsonPage } from '../lib/paging.js'

/** A filter's SQL condition, given the placeholder its value is bound to. */
export type FilterSql = (value: Placeholder) => SQL

export interface ListSpec<Selection extends SelectedFields & { id: SQLiteColumn }> {
  table: SQLiteTable
  /** The selected columns; `id` is the tie-breaker of every sort. */
  select: Selection
  /** API sort field → column or expression it orders by (never null). */
  sorts: Record<string, SQLiteColumn | SQL>
  /** API filter → its condition on the bound value; none for a list without filters. */
  filters?: Record<string, FilterSql>
  /**
   * For a filter used alone: `rows`, under `sort`, a condition naming the page's rows more
   * cheaply than walking the sort's index past every row the filter rejects (e.g. a
   * rowid IN over a merge of index ranges), added to the filter's own condition; `count`,
   * a source of one row whose `total` counts what the filter picks.
   */
  alone?: Record<string, { sort: string, rows: PageRows, count: (value: Placeholder) => SQL }>
}

/** The rows of one page, given the filter's placeholder, the order, the cursor and the limit. */
export type PageRows = (value: Placeholder, page: { descending: boolean, after: SQL | undefined, limit: SQL }) => SQL

/**
 * A page's LIMIT: the `limit` parameter as an expression. SQLite (3.47+) reads the value
 * bound to a bare `LIMIT ?` while planning, so each run with a new binding prepares the
 * statement again (0.1–1 ms a page with its subqueries); `(? + 0)` is planned once.
 */
export const PAGE_LIMIT = sql`(${sql.placeholder('limit')} + 0)`
// Drizzle types .limit() as a number or a Placeholder, and renders any SQL wrapper.
const pageLimit: Placeholder<'limit'> = { name: 'limit', protected: undefined, getSQL: () => PAGE_LIMIT }

export interface ListRequest {
  sort: string
  limit: number
  cursor?: string | undefined
  filters: Record<string, unknown>
  /** Values for placeholders used by the selection or filters themselves (e.g. today). */
  params?: Record<string, unknown>
}

export interface Page<Row> {
  rows: Row[]
  total: number
  nextCursor: string | null
}

/** A row of `select`, as Drizzle types it. */
export type RowOf<Selection extends SelectedFields> = SelectResultFields<Selection>

/**
 * Turns a row of values (the selection's columns, then the sort key) into the row object
 * Drizzle's `all` makes. Drizzle's own mapping asks every field of every row what kind of
 * field it is (a quarter of a 20-item page's time in the lister); when every selected
 * field is a column, that is decided once here, with the column's own decoder. Undefined
 * for any other selection (Drizzle's mapping then stays).
 */
function columnRows (selection: SelectedFields): ((values: unknown[]) => Record<string, unknown>) | undefined {
  // The sort key is added after the selection's fields: a field of that name would take its place.
  if ('sortKey' in selection) return undefined
  const columns: Array<[string, Column]> = []
  for (const [name, field] of Object.entries(selection)) {
    if (!is(field, Column)) return undefined
    columns.push([name, field])
  }
  return (values) => {
    const row: Record<string, unknown> = {}
    for (const [i, [name, column]] of columns.entries()) {
      const value = values[i]
      row[name] = value === null ? null : column.mapFromDriverValue(value)
    }
    // The sort key is our own SQL expression, without a decoder: its value as SQLite gives it.
    row.sortKey = values[columns.length]
    return row
  }
}

/** A page query: the selected row, its id and the key it is sorted by. */
interface PageQuery<Row> { all: (params: Record<string, unknown>) => Array<Row & { id: string, sortKey: SortKey }> }

export function createLister<Selection extends SelectedFields & { id: SQLiteColumn }> (
  db: Db,
  spec: ListSpec<Selection>
): (request: ListRequest) => Page<RowOf<Selection> & { sortKey: SortKey }> {
  const pages = new Map<string, PageQuery<RowOf<Selection>>>()
  const counts = new Map<string, ReturnType<typeof prepareCount>>()
  // A total is the same on every page of a list: counting a large filtered set is the
  // costly part of a page, so it is done once per data version, not once per page.
  const totals = createTotals(db.$client)
  const totalOf = (names: string[], values: Record<string, unknown>) =>
    totals(`${names.join(',')}|${JSON.stringify(values)}`, () => countQuery(names).get(values)?.total ?? 0)

  function conditions (names: string[]): SQL[] {
    return names.map((name) => {
      const filter = spec.filters?.[name]
      if (filter === undefined) throw new Error(`unknown filter ${name}`)
      return filter(sql.placeholder(name))
    })
  }

  /** The special reads of a filter used alone (see ListSpec.alone). */
  function alone (names: string[]) {
    const [name] = names
    const reads = names.length === 1 && name !== undefined ? spec.alone?.[name] : undefined
    return reads === undefined || name === undefined ? undefined : { ...reads, value: sql.placeholder(name) }
  }

  function prepareCount (names: string[]) {
    const only = alone(names)
    if (only !== undefined) return db.select({ total: sql<number>`total` }).from(only.count(only.value)).prepare()
    return db.select({ total: count() }).from(spec.table).where(and(...conditions(names))).prepare()
  }

  function pageQuery (names: string[], sort: string, withCursor: boolean): PageQuery<RowOf<Selection>> {
    const shape = `${sort}|${withCursor ? 'c' : ''}|${names.join(',')}`
    const prepared = pages.get(shape)
    if (prepared !== undefined) return prepared
    const descending = sort.startsWith('-')
    const field = descending ? sort.slice(1) : sort
    const key = spec.sorts[field]
    if (key === undefined) throw new Error(`unknown sort ${field}`)
    const where = conditions(names)
    const after = withCursor
      ? sql`(${key}, ${spec.select.id}) ${sql.raw(descending ? '<' : '>')} (${sql.placeholder('afterKey')}, ${sql.placeholder('afterId')})`
      : undefined
    if (after !== undefined) where.push(after)
    const only = alone(names)
    if (only?.sort === field) where.push(only.rows(only.value, { descending, after, limit: PAGE_LIMIT }))
    const direction = descending ? desc : asc
    const statement = db.select({ ...spec.select, sortKey: sql<SortKey>`${key}` })
      .from(spec.table)
      .where(and(...where))
      .orderBy(direction(key), direction(spec.select.id))
      .limit(pageLimit)
      .prepare()
    const toRow = columnRows(spec.select)
    // Drizzle cannot resolve the row type of a selection it only knows generically.
    const query = (toRow === undefined ? statement : { all: (params: Record<string, unknown>) => statement.values(params).map(toRow) }) as PageQuery<RowOf<Selection>>
    pages.set(shape, query)
    return query
  }

  function countQuery (names: string[]) {
    const shape = names.join(',')
    let prepared = counts.get(shape)
    if (prepared === undefined) {
      prepared = prepareCount(names)
      counts.set(shape, prepared)
    }
    return prepared
  }

  return function list (request) {
    const names = Object.keys(request.filters).filter((name) => request.filters[name] !== undefined).sort()
    const values: Record<string, unknown> = { ...request.params }
    for (const name of names) values[name] = request.filters[name]
    const total = totalOf(names, values)
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, request.sort)
    if (after !== undefined) {
      values.afterKey = after.key
      values.afterId = after.id
    }
    values.limit = request.limit + 1
    const rows = pageQuery(names, request.sort, after !== undefined).all(values)
    const hasMore = rows.length > request.limit
    if (hasMore) rows.length = request.limit
    const last = rows[rows.length - 1]
    return {
      rows,
      total,
      nextCursor: hasMore && last !== undefined ? encodeCursor(request.sort, last.sortKey, last.id) : null
    }
  }
}
