// Column and table helpers the resources' tables share (src/resources/*/tables.ts).
import { sql, type SQL } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { sources } from '../resources/sources/tables.js'

/** First day of a partial date: "2017" → "2017-01-01", "2017-03" → "2017-03-01". */
export function firstDay (column: AnySQLiteColumn): SQL {
  return sql`(case length(${column}) when 4 then ${column} || '-01-01' when 7 then ${column} || '-01' else ${column} end)`
}

/** Last day of a partial date: "2028" → "2028-12-31", "2024-02" → "2024-02-29". */
export function lastDay (column: AnySQLiteColumn): SQL {
  return sql`(case length(${column}) when 4 then ${column} || '-12-31' when 7 then date(${column} || '-01', '+1 month', '-1 day') else ${column} end)`
}

// Link tables. A parent's links go with it (cascade); a referenced record cannot be
// deleted while something still points at it (restrict).

/** A record's sources, in their given order. */
export function sourceLinks<const N extends string> (name: N, ownerColumn: string, ownerRef: () => AnySQLiteColumn) {
  return sqliteTable(name, {
    ownerId: owner(ownerColumn, ownerRef),
    sourceId: target('source_id', () => sources.id),
    position: integer('position').notNull()
  }, (t) => [
    primaryKey({ columns: [t.ownerId, t.sourceId] }),
    index(`${name}_source_idx`).on(t.sourceId)
  ])
}

type Ref = () => AnySQLiteColumn

/** The id column of a link row's owner: it goes with its owner. */
export function owner (column: string, ref: Ref) {
  return text(column).notNull().references(ref, { onDelete: 'cascade' })
}

/** The id column of a link row's target: a target cannot be deleted while linked. */
export function target (column: string, ref: Ref) {
  return text(column).notNull().references(ref, { onDelete: 'restrict' })
}

/**
 * A link table between two records, in the owner's given order: keyed by (owner,
 * target), indexed by (target, owner) for "who links to this".
 */
export function linkTable<const N extends string, const O extends string, const T extends string> (
  name: N,
  columns: { [K in O]: ReturnType<typeof owner> } & { [K in T]: ReturnType<typeof target> },
  keys: { owner: O, target: T, index: string }
) {
  return sqliteTable(name, { ...columns, position: integer('position').notNull() }, (t) => [
    primaryKey({ columns: [t[keys.owner], t[keys.target]] }),
    index(keys.index).on(t[keys.target], t[keys.owner])
  ])
}
